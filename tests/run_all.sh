#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run every test: lint, the data and
# geometry checks, unit tests, real-browser tests (accessibility with axe-core included), the hostile-
# request, privacy and scale-out tests behind gunicorn and nginx, and a short benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# axe-core for the accessibility tests, exactly as tests/package-lock.json pins it
npm ci --prefix tests --no-audit --no-fund --silent
.venv/bin/python -m ruff check explorer tests bench deploy docs
.venv/bin/python -m explorer check-data
.venv/bin/python -m explorer generate-geometry --check
.venv/bin/python -m pytest --headless -q "$@"

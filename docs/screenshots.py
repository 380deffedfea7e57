"""Screenshots of the main screens from the real app, for the README: `.venv/bin/python docs/screenshots.py`.

Starts the app on a free port with the bundled data, opens each screen in headless Chromium on a
laptop (1440 x 900) and on a phone (390 x 844, touch), and writes docs/screenshots/<name>.png.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.browser import READY_JS, _wait, make_driver  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
LAPTOP = (1440, 900, False)
PHONE = (390, 844, True)
# name, address, device, what to do after loading (JavaScript), whole page (True) or the first screen
SCREENS = [
    ("laptop-explore", "/?tp=trapezius_tp1&side=right", LAPTOP, None, False),
    ("laptop-pain-drawing", "/?mode=pain&pain=low_back.r,low_back.l,sacroiliac.r,sacroiliac.l,mid_buttock.r,mid_buttock.l", LAPTOP, None, False),
    ("laptop-hands", "/?view=hands&tp=scalenes_anterior&side=left", LAPTOP, None, False),
    ("phone-navigator", "/", PHONE, None, False),
    ("phone-close-up", "/?view=back_low_back&tp=quadratus_lumborum_superficial_upper&side=right", PHONE, None, False),
    ("phone-head", "/?view=head_right&tp=temporalis_tp1&side=right", PHONE, None, False),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "explorer", "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        OUT.mkdir(parents=True, exist_ok=True)
        for name, path, (width, height, mobile), script, full in SCREENS:
            driver = make_driver(width, height, mobile=mobile)
            if mobile:  # sharp but not huge: two device pixels per CSS pixel
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
            try:
                driver.get(f"http://127.0.0.1:{port}{path}")
                _wait(lambda d=driver: d.execute_script(READY_JS), 20)
                time.sleep(1.2)  # the panel's answer and the fonts
                if script:
                    driver.execute_script(script)
                    time.sleep(0.8)
                if full:
                    total = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": min(total, 4000), "deviceScaleFactor": 1, "mobile": mobile})
                    time.sleep(0.5)
                driver.save_screenshot(str(OUT / f"{name}.png"))
                print(f"wrote {OUT / name}.png")
            finally:
                driver.quit()
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())

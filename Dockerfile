# Trigger Point Explorer: the app behind gunicorn, as a non-root user on a slim Python base.
#   docker build -t trigger-point-explorer .
#   docker run -p 8050:8050 trigger-point-explorer        (or: docker compose up, for several replicas behind nginx)
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    EXPLORER_BIND=0.0.0.0:8050

WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-compile -r requirements.txt
COPY explorer ./explorer
COPY assets ./assets
COPY data ./data
COPY deploy/gunicorn.conf.py ./deploy/gunicorn.conf.py
# The data is validated when the image is built, so a broken data folder never becomes an image.
RUN python -m explorer check-data \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin explorer
USER explorer

EXPOSE 8050
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8050/health', timeout=2).status != 200)"
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]

# The portal's image: web (gunicorn), worker and beat all run from it (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=clusterexcellence.settings.production

# WeasyPrint renders certificates and reports with Pango and HarfBuzz; it needs at least one font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Runtime dependencies only (pyproject.toml), at the versions pinned in requirements.lock; the dev
# tools in the lock (pytest, Playwright, ruff) stay out of the image.
COPY pyproject.toml requirements.lock ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/runtime.txt \
    && pip install -r /tmp/runtime.txt -c requirements.lock \
    && rm /tmp/runtime.txt

COPY . .

# Static files are collected at build time; the values here exist only to let settings load.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input --verbosity 0 \
    && useradd --system --uid 1000 --home-dir /app portal \
    && mkdir -p /app/media \
    && chown portal /app/media

USER portal
EXPOSE 8000

# gunicorn reads WEB_CONCURRENCY for the number of workers.
CMD ["gunicorn", "clusterexcellence.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]

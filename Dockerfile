# Limber in a container: the package without the development tools, content and migrations.
#   docker build -t limber .
#   docker run -d --name limber --restart unless-stopped --env-file .env -v limber-data:/data limber
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY bot/ bot/
COPY alembic/ alembic/
COPY content/ content/
RUN pip install --no-cache-dir . \
    && useradd --system --home-dir /data limber \
    && mkdir -p /data && chown limber /data
USER limber
# /app is the working directory: content/ and alembic/ are found there.
ENV DATABASE_URL=sqlite+aiosqlite:////data/limber.db \
    LOG_FORMAT=json \
    PYTHONUNBUFFERED=1
VOLUME ["/data"]
# Webhook mode (WEBHOOK_URL set): also set WEBHOOK_LISTEN=0.0.0.0 and publish WEBHOOK_PORT.
STOPSIGNAL SIGTERM
CMD ["limber", "run"]

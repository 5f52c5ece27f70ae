# PostgreSQL 15 with pg_auto_failover 2.0 from Debian's packages (what the tests run here), for
# docker-compose.yml's monitor and data nodes. pg_autoctl runs as `postgres`, never as root.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-15 postgresql-15-auto-failover ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/postgresql/data && chown -R postgres:postgres /var/lib/postgresql
USER postgres
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data XDG_CONFIG_HOME=/var/lib/postgresql/config XDG_DATA_HOME=/var/lib/postgresql/share

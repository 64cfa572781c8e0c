#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data volume
# (/docker-entrypoint-initdb.d). Creates the two login roles of
# docs/decisions/0001: the owner (owns the database and its tables; used only
# by the migrate service) and the runtime role (the app and the worker; the
# migrate service makes it a member of iop_runtime, which holds its grants).
# Neither is a superuser. Passwords come from the environment (.env), never
# from this file.
set -eu
: "${IOP_OWNER_PASSWORD:?set IOP_OWNER_PASSWORD in .env}"
: "${IOP_APP_PASSWORD:?set IOP_APP_PASSWORD in .env}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$IOP_OWNER_PASSWORD" -v app_password="$IOP_APP_PASSWORD" <<'SQL'
-- CREATEROLE: the migration runner creates the NOLOGIN group role iop_runtime
-- and grants it to iop_app; it needs nothing else above an ordinary role.
CREATE ROLE iop_owner LOGIN CREATEROLE PASSWORD :'owner_password';
CREATE ROLE iop_app LOGIN PASSWORD :'app_password';
CREATE DATABASE iop_intake OWNER iop_owner;
REVOKE ALL ON DATABASE iop_intake FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE iop_intake TO iop_app;
SQL

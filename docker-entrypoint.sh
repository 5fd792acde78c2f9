#!/bin/sh
# Container start: apply migrations (when a server database is configured), then become the service.
# With no DATABASE_URL the service runs on its embedded database and migrates it itself at start.
set -eu
if [ -n "${DATABASE_URL:-}" ]; then
  node dist/prisma/migrate-cli.js
fi
exec node dist/main.js "$@"

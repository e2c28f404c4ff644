#!/usr/bin/env bash
# npm ci for the web client, with the machine's own Node.js and npm (the build must not download a Node of its own),
# only when node_modules is missing or older than package-lock.json. Run by ./mvnw (web/pom.xml) before the build.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null && command -v npm >/dev/null \
  || { echo "web: Node.js 20+ and npm are needed to build the web client (apt-get install -y nodejs npm)" >&2; exit 2; }
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { echo "web: Node.js 20+ is needed, this is $(node -v)" >&2; exit 2; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "web: npm ci ..."
  npm ci --no-audit --no-fund --loglevel=error
fi

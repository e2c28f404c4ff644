#!/usr/bin/env bash
# One command per load plan (./tickitecking load ... calls this):
#   deploy/load/run.sh browse|storm|mixed [--threads N] [--duration S] [--rampup S] [--host H] [--port P]
#                                  [--max-error-rate PERCENT] [--think MS] [--bookers N] [--no-setup]
#                                  [--users N] [--seats N] [--hot N]
#   deploy/load/run.sh smoke              setup + each plan for a few seconds with few threads + the storm check (for CI)
#   deploy/load/run.sh setup [...]        only create the data (deploy/load/setup.sh)
#   deploy/load/run.sh check [...]        only the storm check (deploy/load/check.sh)
# JMeter 5.6.3 runs through ./mvnw and the jmeter-maven-plugin (deploy/load/pom.xml); the JTL, the HTML dashboard, the
# Maven log and summary.txt land in .local/load/<plan>-<timestamp>/. Prints throughput, error rate and
# p50/p95/p99 per request label; exits non-zero when the error rate exceeds --max-error-rate (default 1 %) or,
# after storm/mixed, when a seat is held twice or the availability bitmap disagrees with the reservations.
set -euo pipefail

LOAD=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$LOAD/../.." && pwd)
. "$ROOT/.mvn/select-jdk.sh"
JAVA="$JAVA_HOME/bin/java"

PLAN=${1:-}
[ $# -gt 0 ] && shift
HOST=localhost PORT=8080 THREADS=10 DURATION=30 RAMPUP=5 MAX_ERRORS=1 THINK=0 BOOKERS="" SETUP=true
USERS="" SEATS=20000 HOT="" SETUP_ARGS=()
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) THREADS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --rampup) RAMPUP=$2; shift 2 ;;
    --host) HOST=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --max-error-rate) MAX_ERRORS=$2; shift 2 ;;
    --think) THINK=$2; shift 2 ;;
    --bookers) BOOKERS=$2; shift 2 ;;
    --no-setup) SETUP=false; shift ;;
    --users) USERS=$2; shift 2 ;;
    --seats) SEATS=$2; shift 2 ;;
    --hot) HOT=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) if [ "$PLAN" = setup ] || [ "$PLAN" = check ]; then SETUP_ARGS+=("$1"); shift; else echo "run.sh: unknown option $1" >&2; usage; fi ;;
  esac
done

DATA="$ROOT/.local/load/data"
say() { printf '[load] %s\n' "$*"; }

# Fresh concert for every storm (an on-sale starts with every seat free); users are kept between runs.
setup() { # threads-that-log-in
  local users=${USERS:-$(( $1 > 200 ? $1 : 200 ))} hot=${HOT:-$(( $1 * 40 > 2000 ? $1 * 40 : 2000 ))}
  bash "$LOAD/setup.sh" --host "$HOST" --port "$PORT" --users "$users" --seats "$SEATS" --hot "$hot" --out "$DATA" --reuse-users
}

# run_plan plan threads bookers -> runs JMeter, leaves OUT_DIR with results.jtl, dashboard/, summary.txt
run_plan() {
  local plan=$1 threads=$2 bookers=$3 stamp target jtl report rc=0
  stamp=$(date -u +%Y%m%d-%H%M%S)
  OUT_DIR="$ROOT/.local/load/$plan-$stamp"
  mkdir -p "$OUT_DIR"
  target="$LOAD/target"
  local started="$target/.run-started"
  mkdir -p "$target" && touch "$started"
  # each configure run unpacks a JMeter of its own under target/<uuid>/: keep only the newest run's
  rm -rf "$target/jmeter/results" "$target/jmeter/reports"
  find "$target" -mindepth 1 -maxdepth 1 -type d -regextype posix-extended \
    -regex '.*/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' -exec rm -rf {} + 2>/dev/null || true
  local concert=0
  [ -f "$DATA/concert.csv" ] && concert=$(sed -n 2p "$DATA/concert.csv" | cut -d, -f1)
  say "$plan: $threads threads${bookers:+ ($bookers booking)}, ${DURATION}s (ramp-up ${RAMPUP}s) against http://$HOST:$PORT -> ${OUT_DIR#"$ROOT"/}"
  "$ROOT/mvnw" -B -f "$LOAD/pom.xml" verify -Dplan="$plan" -Dhost="$HOST" -Dport="$PORT" -Dthreads="$threads" \
      -Dduration="$DURATION" -Drampup="$RAMPUP" -DthinkMillis="$THINK" -DbookerThreads="${bookers:-0}" \
      -DdataDir="$DATA" -DconcertId="$concert" > "$OUT_DIR/maven.log" 2>&1 || rc=$?
  grep -E '(summary =|\[ERROR\])' "$OUT_DIR/maven.log" | sed 's/^\[INFO\] /  jmeter: /' | tail -n 20 || true
  [ $rc = 0 ] || { say "JMeter/Maven failed (exit $rc); see ${OUT_DIR#"$ROOT"/}/maven.log"; return 3; }
  jtl=$(find "$target" -path '*/results/*' -name "*$plan*.csv" -newer "$started" | head -n 1)
  [ -n "$jtl" ] || { say "no JTL was written; see ${OUT_DIR#"$ROOT"/}/maven.log"; return 3; }
  cp "$jtl" "$OUT_DIR/results.jtl"
  report=$(find "$target" -path '*/reports/*' -name index.html -newer "$started" | head -n 1)
  [ -n "$report" ] && cp -r "$(dirname "$report")" "$OUT_DIR/dashboard"
  rc=0
  "$JAVA" "$LOAD/tools/JtlSummary.java" "$OUT_DIR/results.jtl" "$MAX_ERRORS" | tee "$OUT_DIR/summary.txt" || rc=$?
  if awk -F, 'NR > 1 && $4 == 429 { found = 1; exit } END { exit !found }' "$OUT_DIR/results.jtl"; then
    say "note: 429 answers: the gateway's rate limit (RATE_LIMIT_RPS per user or client IP, default 50/s) stopped" \
      "some requests; all anonymous load comes from one IP here. To measure the services, start the system with" \
      "RATE_LIMIT_RPS=100000 RATE_LIMIT_BURST=100000 ./tickitecking up"
  fi
  [ -n "$report" ] && say "dashboard: ${OUT_DIR#"$ROOT"/}/dashboard/index.html"
  return $rc
}

check() {
  bash "$LOAD/check.sh" --host "$HOST" --port "$PORT" --data "$DATA" "$@"
}

case "$PLAN" in
  browse)
    run_plan browse "$THREADS" "" ;;
  storm)
    [ $SETUP = false ] || setup "$THREADS"
    rc=0; run_plan storm "$THREADS" "" || rc=$?
    check | tee -a "$OUT_DIR/summary.txt"; crc=${PIPESTATUS[0]}
    [ $rc != 0 ] && exit $rc; exit "$crc" ;;
  mixed)
    bookers=${BOOKERS:-$(( THREADS / 5 > 0 ? THREADS / 5 : 1 ))}
    [ "$bookers" -lt "$THREADS" ] || { echo "run.sh: --bookers must be fewer than --threads" >&2; exit 2; }
    [ $SETUP = false ] || setup "$bookers"
    rc=0; run_plan mixed "$THREADS" "$bookers" || rc=$?
    check | tee -a "$OUT_DIR/summary.txt"; crc=${PIPESTATUS[0]}
    [ $rc != 0 ] && exit $rc; exit "$crc" ;;
  smoke)
    # every plan a few seconds with few threads; think time keeps anonymous traffic under the per-IP rate limit
    started=$SECONDS
    DURATION=5 RAMPUP=1 THINK=${THINK/#0/100} SEATS=10000 USERS=${USERS:-20} HOT=${HOT:-200}
    setup 10
    failed=0
    run_plan browse 3 "" || failed=1
    run_plan storm 8 "" || failed=1
    check --settle 20 | tee -a "$OUT_DIR/summary.txt"; [ "${PIPESTATUS[0]}" = 0 ] || failed=1
    run_plan mixed 5 2 || failed=1
    check --settle 20 | tee -a "$OUT_DIR/summary.txt"; [ "${PIPESTATUS[0]}" = 0 ] || failed=1
    say "smoke $([ $failed = 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s"
    exit $failed ;;
  setup)
    bash "$LOAD/setup.sh" --host "$HOST" --port "$PORT" --out "$DATA" "${SETUP_ARGS[@]}" ;;
  check)
    check "${SETUP_ARGS[@]}" ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# Samples a running system once a second while `./tickitecking bench onsale` runs (docs/performance.md, the on-sale
# benchmark): CPU % per process (from /proc/<pid>/stat, like pidstat), the load average, the waiting room's active
# shoppers / now serving / waiting (read from reservation-service directly, past the gateway's microcache) and
# reservation-service's Hikari pool (active, pending, mean usage and acquire time of the last second).
# With JFR_SECONDS set, it records a JFR profile of reservation-service for that long from the first admission.
#   deploy/bench/onsale-sampler.sh OUT_DIR    (stop it with kill <its pid>)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:?usage: onsale-sampler.sh OUT_DIR}
mkdir -p "$OUT"
RUN="$ROOT/.local/run"
RES=http://127.0.0.1:8084
HZ=$(getconf CLK_TCK)
JFR_SECONDS=${JFR_SECONDS:-0}
. "$ROOT/.mvn/select-jdk.sh" 2>/dev/null || true

pids() { # name=pid for the services, the databases and the bench's JVM
  for f in "$RUN"/*.pid; do [ -f "$f" ] && echo "$(basename "$f" .pid)=$(cat "$f")"; done
  local p
  p=$(pgrep -o mariadbd || pgrep -o mysqld) && echo "mariadb=$p"
  p=$(pgrep -o redis-server) && echo "redis=$p"
  p=$(pgrep -f -n 'OnSaleBench' | head -1) && echo "bench=$p"
}
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
total_ticks() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
metric() { awk -v m="$1" '{ n = $1; sub(/\{.*/, "", n) } n == m { print $2; exit }' "$OUT/.prom"; }

declare -A last
concert=""
# only this run's concert: one made after the sampler started
floor=$(mysql -uroot -N -e "SELECT COALESCE(MAX(id), 0) FROM tickitecking_reservation.concert" 2>/dev/null || echo 0)
jfr_started=0
prev_total=$(total_ticks)
prev_usage_sum=0 prev_usage_count=0 prev_acq_sum=0 prev_acq_count=0
echo "time load1 | cpu% per process | active nowServing waiting | hikari active pending usage_ms acquire_ms" >"$OUT/samples.txt"
while true; do
  sleep 1
  total=$(total_ticks)
  elapsed=$(( total - prev_total )); prev_total=$total
  line="$(date +%T) $(cut -d' ' -f1 /proc/loadavg) |"
  for np in $(pids); do
    n=${np%%=*} p=${np#*=}
    t=$(ticks "$p")
    if [ -n "${last[$n]:-}" ] && [ "$elapsed" -gt 0 ]; then
      # % of one core: process ticks / (all cores' ticks / cores)
      line+=" $n=$(( (t - ${last[$n]}) * 100 * $(nproc) / elapsed ))"
    fi
    last[$n]=$t
  done
  if [ -z "$concert" ]; then
    concert=$(mysql -uroot -N -e "SELECT MAX(id) FROM tickitecking_reservation.concert WHERE waiting_room = TRUE AND name = 'Onsale Waiting Room' AND id > ${floor:-0}" 2>/dev/null | grep -v NULL)
  fi
  if [ -n "$concert" ]; then
    s=$(curl -s --max-time 1 "$RES/api/v1/concerts/$concert/queue" -H 'Cache-Control: no-store')
    a=$(jq -r '.activeShoppers' <<<"$s" 2>/dev/null); ns=$(jq -r '.nowServing' <<<"$s" 2>/dev/null)
    line+=" | $a $ns $(jq -r '.waiting' <<<"$s" 2>/dev/null)"
    if [ "$JFR_SECONDS" -gt 0 ] && [ "$jfr_started" = 0 ] && [ "${ns:-0}" != null ] && [ "${ns:-0}" -gt 0 ] 2>/dev/null; then
      "$JAVA_HOME/bin/jcmd" "$(cat "$RUN/reservation-service.pid")" JFR.start settings=profile duration="${JFR_SECONDS}s" \
        filename="$OUT/reservation-service.jfr" >"$OUT/jfr-start.txt" 2>&1
      jfr_started=1
    fi
  fi
  if curl -s --max-time 1 "$RES/actuator/prometheus" >"$OUT/.prom" 2>/dev/null; then
    us=$(metric hikaricp_connections_usage_seconds_sum); uc=$(metric hikaricp_connections_usage_seconds_count)
    as=$(metric hikaricp_connections_acquire_seconds_sum); ac=$(metric hikaricp_connections_acquire_seconds_count)
    mean() { awk -v s1="$1" -v s0="$2" -v c1="$3" -v c0="$4" 'BEGIN { c = c1 - c0; printf "%.0f", c > 0 ? (s1 - s0) * 1000 / c : 0 }'; }
    line+=" | $(metric hikaricp_connections_active) $(metric hikaricp_connections_pending)"
    line+=" $(mean "${us:-0}" "$prev_usage_sum" "${uc:-0}" "$prev_usage_count") $(mean "${as:-0}" "$prev_acq_sum" "${ac:-0}" "$prev_acq_count")"
    line+=" n=$(awk -v a="${uc:-0}" -v b="$prev_usage_count" 'BEGIN{print a-b}')"
    prev_usage_sum=${us:-0} prev_usage_count=${uc:-0} prev_acq_sum=${as:-0} prev_acq_count=${ac:-0}
  fi
  echo "$line" >>"$OUT/samples.txt"
done

#!/usr/bin/env bash
# After a storm: checks through the public API that
#   1. no seat of the concert is in two occupying reservations (HELD or CONFIRMED), as an admin lists them, and
#   2. seat-service's availability (bitmap of unavailable seats in SeatIndex order + counts) shows exactly those
#      seats, once the reservation events have been delivered (polled for up to --settle seconds).
# It also prints concert-service's remainingSeats next to the expected figure (informative: that count is fed by
# the same events).
#
# usage: deploy/load/check.sh [--host H] [--port P] [--concert ID] [--data DIR] [--settle SECONDS]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOST=localhost PORT=8080 CONCERT="" DATA="$ROOT/.local/load/data" SETTLE=30
while [ $# -gt 0 ]; do
  case "$1" in
    --host) HOST=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --concert) CONCERT=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    *) echo "check.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
BASE="http://$HOST:$PORT"
[ -n "$CONCERT" ] || CONCERT=$(sed -n 2p "$DATA/concert.csv" 2>/dev/null | cut -d, -f1)
[ -n "$CONCERT" ] || { echo "check.sh: no concert (give --concert or run deploy/load/setup.sh)" >&2; exit 2; }

say() { printf '[check] %s\n' "$*"; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${ADMIN_USERNAME:-}" ] || [ -z "${ADMIN_PASSWORD:-}" ]; then
  # shellcheck disable=SC1091
  . "$ROOT/.local/admin.env"
fi
ADMIN_TOKEN=$(curl -fsS --max-time 20 "$BASE/api/v1/users/login" -H 'Content-Type: application/json' \
  --data "$(jq -nc --arg u "$ADMIN_USERNAME" --arg p "$ADMIN_PASSWORD" '{username:$u, password:$p}')" | jq -r .accessToken)

# Every reservation of the concert, page by page (newest first), as "id status seat" lines.
occupied_seats() {
  local page=0 pages=1 body
  : > "$WORK/reservations"
  while [ "$page" -lt "$pages" ]; do
    body=$(curl -fsS --max-time 20 -H "Authorization: Bearer $ADMIN_TOKEN" \
      "$BASE/api/v1/admin/reservations?concertId=$CONCERT&size=100&page=$page")
    pages=$(jq -r .totalPages <<<"$body")
    jq -r '.content[] | . as $r | .seats[] | "\($r.id) \($r.status) \(.seat)"' <<<"$body" >> "$WORK/reservations"
    page=$((page + 1))
  done
  awk '$2 == "HELD" || $2 == "CONFIRMED" {print $3}' "$WORK/reservations" | sort > "$WORK/occupied"
}

# SeatIndex of each seat label, from the seat map's rows (firstIndex + number - 1).
curl -fsS --max-time 20 "$BASE/api/v1/concerts/$CONCERT/seats" \
  | jq -r '.sections[] | .code as $s | .rows[] | "\($s)-\(.label) \(.firstIndex)"' > "$WORK/rows"

# The indices of the set bits of the availability bitmap (most significant bit of byte 0 = seat 0).
unavailable_indices() { # availability-json
  jq -r .unavailable <<<"$1" | base64 -d | od -An -v -tu1 | tr -s ' ' '\n' | awk 'NF {
      for (bit = 7; bit >= 0; bit--) { if (int($1 / 2 ^ bit) % 2 == 1) print byte * 8 + (7 - bit) } byte++ }' | sort -n
}

occupied_seats
total=$(wc -l < "$WORK/occupied")
duplicates=$(uniq -d "$WORK/occupied")
reservations=$(awk '{print $1, $2}' "$WORK/reservations" | sort -u | awk '{n[$2]++} END {for (s in n) printf "%s=%d ", s, n[s]}')
say "concert $CONCERT: reservations ${reservations:-none}; $total seats occupied (HELD or CONFIRMED)"
failed=0
if [ -n "$duplicates" ]; then
  say "FAIL: seats held twice: $(echo "$duplicates" | head -20 | tr '\n' ' ')"
  grep -F -w -f <(echo "$duplicates") "$WORK/reservations" | head -20 | sed 's/^/[check]   /'
  failed=1
else
  say "OK: no seat is held twice"
fi

# Expected bitmap: the occupied seats' indices.
awk 'NR == FNR { first[$1] = $2; next } {
       n = split($1, p, "-"); row = p[1]; for (i = 2; i < n; i++) row = row "-" p[i]
       if (!(row in first)) { print "unknown " $1 > "/dev/stderr"; next }
       print first[row] + p[n] - 1 }' "$WORK/rows" "$WORK/occupied" | sort -n -u > "$WORK/expected"

deadline=$((SECONDS + SETTLE))
while :; do
  availability=$(curl -fsS --max-time 20 "$BASE/api/v1/concerts/$CONCERT/seats/availability")
  unavailable_indices "$availability" > "$WORK/actual"
  count=$(jq -r .unavailableSeats <<<"$availability")
  if cmp -s "$WORK/expected" "$WORK/actual" && [ "$count" = "$(wc -l < "$WORK/expected")" ]; then
    say "OK: availability agrees: $count unavailable of $(jq -r .totalSeats <<<"$availability") seats, bit for bit"
    break
  fi
  if [ $SECONDS -ge $deadline ]; then
    missing=$(comm -23 "$WORK/expected" "$WORK/actual" | wc -l)
    extra=$(comm -13 "$WORK/expected" "$WORK/actual" | wc -l)
    say "FAIL: availability disagrees after ${SETTLE}s: unavailableSeats=$count, expected $(wc -l < "$WORK/expected");" \
      "$missing occupied seats shown free, $extra free seats shown unavailable"
    failed=1
    break
  fi
  sleep 1
  occupied_seats # holds may have expired or been confirmed meanwhile: compare against the current state
  awk 'NR == FNR { first[$1] = $2; next } {
         n = split($1, p, "-"); row = p[1]; for (i = 2; i < n; i++) row = row "-" p[i]
         print first[row] + p[n] - 1 }' "$WORK/rows" "$WORK/occupied" | sort -n -u > "$WORK/expected"
done

detail=$(curl -fsS --max-time 20 "$BASE/api/v1/concerts/$CONCERT")
say "concert-service: remainingSeats=$(jq -r .remainingSeats <<<"$detail") of $(jq -r .totalSeats <<<"$detail")" \
  "(expected $(( $(jq -r .totalSeats <<<"$detail") - $(wc -l < "$WORK/occupied") )) once its events are in)"
exit $failed

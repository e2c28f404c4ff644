#!/usr/bin/env bash
# Creates the data the load plans need, through the public API only (no SQL), and writes it as CSV files:
#   users.csv    username,password of N fresh USER accounts (the storm's bookers)
#   concert.csv  concertId,totalSeats,name of one new concert whose seats are ready in seat-service
#                and known to reservation-service
#   seats.csv    one hold per line: a JSON fragment of 2 adjacent seat labels ("FLOOR-1-7","FLOOR-1-8"), taken from
#                the "hot" front rows, each pair CONTENTION times in random order: the storm's users race for them
# Steps: admin login -> sign up users -> promote one to COMPANY_USER -> as that user create an auditorium and a
# concert with grades covering every seat (buyer limit 50, the most allowed: the storm measures seat contention, and
# a booker wins about 20 seats) -> wait until GET /concerts/{id}/seats answers 200 and a probe hold is
# answered 400 (the concert is known, the probe seat is not) instead of 404.
#
# usage: deploy/load/setup.sh [--host H] [--port P] [--users N] [--seats N] [--hot N] [--contention K] [--out DIR]
#                      [--reuse-users]   (keep users.csv/company.csv of an earlier setup when they still log in)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOST=localhost PORT=8080 USERS=200 SEATS=20000 HOT=2000 CONTENTION=2 OUT="$ROOT/.local/load/data" REUSE=false
while [ $# -gt 0 ]; do
  case "$1" in
    --host) HOST=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --seats) SEATS=$2; shift 2 ;;
    --hot) HOT=$2; shift 2 ;;
    --contention) CONTENTION=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --reuse-users) REUSE=true; shift ;;
    *) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
BASE="http://$HOST:$PORT"
SEATS_PER_ROW=100
ROWS=$(( (SEATS + SEATS_PER_ROW - 1) / SEATS_PER_ROW ))
FLOOR_ROWS=$(( ROWS / 2 > 0 ? ROWS / 2 : 1 ))
BALCONY_ROWS=$(( ROWS - FLOOR_ROWS ))
VIP_ROWS=$(( FLOOR_ROWS < 10 ? FLOOR_ROWS : 10 ))
PASSWORD='Load#Pass1'
# usernames are 4-20 [A-Za-z0-9_]: "ld" + a run id + "_" + index keeps repeated setups apart
RUN_ID=$(printf '%x' "$(( $(date +%s) % 16777216 ))")

for tool in curl jq shuf; do command -v "$tool" >/dev/null || { echo "setup.sh: $tool is needed" >&2; exit 1; }; done

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] %s\n' "$*" >&2; exit 1; }

# call METHOD PATH [BODY] [extra curl args...] -> prints "STATUS BODY"; retries 429/502/503 a few times
call() {
  local method=$1 path=$2 body=${3:-} attempt out status
  shift 3 2>/dev/null || shift $#
  for attempt in 1 2 3 4 5 6; do
    out=$(curl -sS --max-time 30 -X "$method" "$BASE$path" -H 'Content-Type: application/json' \
      ${body:+--data "$body"} -w '\n%{http_code}' "$@") || out=$'\n000'
    status=${out##*$'\n'}
    case "$status" in
      429|502|503|000) sleep "$attempt" ;;
      *) printf '%s %s' "$status" "${out%$'\n'*}"; return 0 ;;
    esac
  done
  printf '%s %s' "$status" "${out%$'\n'*}"
}

expect() { # expected-status response what
  [ "${2%% *}" = "$1" ] || die "$3 answered ${2%% *} (expected $1): ${2#* }"
  printf '%s' "${2#* }"
}

admin_credentials() {
  if [ -z "${ADMIN_USERNAME:-}" ] || [ -z "${ADMIN_PASSWORD:-}" ]; then
    [ -f "$ROOT/.local/admin.env" ] || die "set ADMIN_USERNAME/ADMIN_PASSWORD or run ./tickitecking up (it writes .local/admin.env)"
    # shellcheck disable=SC1091
    . "$ROOT/.local/admin.env"
  fi
}

login() { # username password -> access token
  local body
  body=$(jq -nc --arg u "$1" --arg p "$2" '{username:$u, password:$p}')
  expect 200 "$(call POST /api/v1/users/login "$body")" "login of $1" | jq -r .accessToken
}

mkdir -p "$OUT"
curl -fsS --max-time 5 -o /dev/null "$BASE/api/v1/concerts?size=1" || die "no gateway answering at $BASE (./tickitecking up?)"
admin_credentials
ADMIN_TOKEN=$(login "$ADMIN_USERNAME" "$ADMIN_PASSWORD")
say "admin logged in at $BASE"

# --- users: signed up 4 at a time (password hashing makes each take a while) ------------------------------------
reusable_users() {
  [ "$REUSE" = true ] && [ -f "$OUT/users.csv" ] && [ -f "$OUT/company.csv" ] \
    && [ $(($(wc -l < "$OUT/users.csv") - 1)) -ge "$USERS" ] || return 1
  COMPANY_NAME=$(sed -n 2p "$OUT/company.csv" | cut -d, -f1)
  local response
  response=$(call POST /api/v1/users/login "$(jq -nc --arg u "$COMPANY_NAME" --arg p "$PASSWORD" '{username:$u, password:$p}')")
  [ "${response%% *}" = 200 ] && [ "$(jq -r '.accessToken | split(".")[1] | gsub("-"; "+") | gsub("_"; "/")
      | @base64d | fromjson | .role' <<<"${response#* }")" = COMPANY_USER ]
}
if reusable_users; then
  say "reusing the $(($(wc -l < "$OUT/users.csv") - 1)) users of $OUT/users.csv and company user $COMPANY_NAME"
else
  say "signing up $USERS users (ld${RUN_ID}_N / $PASSWORD) ..."
  signup_one() {
    local name="ld${RUN_ID}_$1" body response
    body=$(jq -nc --arg u "$name" --arg p "$PASSWORD" '{username:$u, password:$p, email:($u + "@load.test")}')
    response=$(call POST /api/v1/users/signup "$body")
    [ "${response%% *}" = 201 ] || { echo "signup of $name answered ${response%% *}: ${response#* }" >&2; return 1; }
    printf '%s,%s,%s\n' "$name" "$PASSWORD" "$(jq -r .id <<<"${response#* }")"
  }
  export -f signup_one call
  export BASE PASSWORD RUN_ID
  seq 0 "$USERS" | xargs -P 4 -I{} bash -c 'signup_one {}' > "$OUT/users-with-ids.csv" \
    || die "some signups failed (see above)"
  # user 0 becomes the company user; the others are the bookers
  COMPANY=$(grep "^ld${RUN_ID}_0," "$OUT/users-with-ids.csv")
  COMPANY_NAME=${COMPANY%%,*} COMPANY_ID=${COMPANY##*,}
  { echo "username,password"; grep -v "^ld${RUN_ID}_0," "$OUT/users-with-ids.csv" | cut -d, -f1,2; } > "$OUT/users.csv"
  printf 'username,password\n%s,%s\n' "$COMPANY_NAME" "$PASSWORD" > "$OUT/company.csv"
  rm -f "$OUT/users-with-ids.csv"
  expect 200 "$(call PUT "/api/v1/admin/users/$COMPANY_ID/role" '{"role":"COMPANY_USER"}' -H "Authorization: Bearer $ADMIN_TOKEN")" \
    "promotion of $COMPANY_NAME" >/dev/null
  say "$USERS bookers in users.csv; $COMPANY_NAME (id $COMPANY_ID) is a COMPANY_USER"
fi
COMPANY_TOKEN=$(login "$COMPANY_NAME" "$PASSWORD")

# --- venue and concert ------------------------------------------------------------------------------------------
labels() { seq "$1" "$2" | jq -R . | jq -sc .; }
AUDITORIUM=$(jq -nc --arg name "Load Arena $RUN_ID" --argjson floor "$(labels 1 "$FLOOR_ROWS")" \
  --argjson balcony "$( [ "$BALCONY_ROWS" -gt 0 ] && labels 1 "$BALCONY_ROWS" || echo '[]')" --argjson per "$SEATS_PER_ROW" '
  {name:$name, address:"1 Load Street, Testville",
   layout:{sections:([{code:"FLOOR", name:"Floor", rowLabels:$floor, seatsPerRow:$per}]
                     + (if ($balcony|length) > 0 then [{code:"BALCONY", name:"Balcony", rowLabels:$balcony, seatsPerRow:$per}] else [] end))}}')
AUDITORIUM_ID=$(expect 201 "$(call POST /api/v1/auditoriums "$AUDITORIUM" -H "Authorization: Bearer $COMPANY_TOKEN")" \
  "auditorium creation" | jq -r .id)
START=$(date -u -d '+30 days' +%Y-%m-%dT20:00:00Z)
CONCERT=$(jq -nc --arg name "Load Test Live $RUN_ID" --arg start "$START" --argjson aud "$AUDITORIUM_ID" \
  --argjson vip "$(labels 1 "$VIP_ROWS")" \
  --argjson rest "$( [ "$FLOOR_ROWS" -gt "$VIP_ROWS" ] && labels $((VIP_ROWS + 1)) "$FLOOR_ROWS" || echo '[]')" \
  --argjson balcony "$BALCONY_ROWS" '
  {name:$name, description:"Created by deploy/load/setup.sh", startTime:$start, auditoriumId:$aud,
   maxTicketsPerBuyer:50,
   grades:([{name:"VIP", price:150.00, areas:[{section:"FLOOR", rows:$vip}]}]
           + (if ($rest|length) > 0 then [{name:"R", price:90.00, areas:[{section:"FLOOR", rows:$rest}]}] else [] end)
           + (if $balcony > 0 then [{name:"S", price:50.00, areas:[{section:"BALCONY"}]}] else [] end))}')
CREATED=$(expect 201 "$(call POST /api/v1/concerts "$CONCERT" -H "Authorization: Bearer $COMPANY_TOKEN")" "concert creation")
CONCERT_ID=$(jq -r .id <<<"$CREATED")
TOTAL=$(jq -r .totalSeats <<<"$CREATED")
say "concert $CONCERT_ID at auditorium $AUDITORIUM_ID: $TOTAL seats (FLOOR $FLOOR_ROWS rows, BALCONY $BALCONY_ROWS rows, x$SEATS_PER_ROW)"

# --- wait for the asynchronous parts: seat-service builds the seats, reservation-service learns the concert --------
say "waiting for the seat map and for reservation-service to know the concert ..."
deadline=$((SECONDS + 120))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/concerts/$CONCERT_ID/seats")" = 200 ]; do
  [ $SECONDS -lt $deadline ] || die "GET /api/v1/concerts/$CONCERT_ID/seats is not 200 after 120 s"
  sleep 1
done
# a hold of a seat that is not in the layout: 404 while the concert is unknown, 400 once it is known; holds nothing
USER_TOKEN=$(login "$(sed -n 2p "$OUT/users.csv" | cut -d, -f1)" "$PASSWORD")
until probe=$(call POST "/api/v1/concerts/$CONCERT_ID/reservations" '{"seats":["NOSUCH-1-1"]}' \
    -H "Authorization: Bearer $USER_TOKEN" -H "Idempotency-Key: setup-probe-$RANDOM$RANDOM"); [ "${probe%% *}" = 400 ]; do
  [ $SECONDS -lt $deadline ] || die "reservation-service does not know concert $CONCERT_ID after 120 s (last answer: $probe)"
  sleep 1
done
say "seats of concert $CONCERT_ID are ready (${SECONDS}s so far)"

# --- the hot seats: pairs in the front floor rows, each pair CONTENTION times, shuffled -----------------------------
HOT=$(( HOT > TOTAL ? TOTAL : HOT ))
{ echo "seats"
  for _ in $(seq 1 "$CONTENTION"); do
    awk -v hot="$HOT" -v per="$SEATS_PER_ROW" 'BEGIN {
      for (i = 0; i + 1 < hot; i += 2) { row = int(i / per) + 1; n = i % per + 1
        printf "\"FLOOR-%d-%d\",\"FLOOR-%d-%d\"\n", row, n, row, n + 1 } }'
  done | shuf; } > "$OUT/seats.csv"
printf 'concertId,totalSeats,name\n%s,%s,%s\n' "$CONCERT_ID" "$TOTAL" "Load Test Live $RUN_ID" > "$OUT/concert.csv"
say "wrote $OUT/{users,concert,seats}.csv ($(($(wc -l <"$OUT/seats.csv") - 1)) hold attempts over $HOT hot seats)"

#!/bin/sh
# What `docker compose` runs as its one-shot secrets-init service, and what the compose check
# (deploy/compose-check) runs the same way outside Docker: writes each service's secrets into that service's own
# folder, once; an existing file is kept, so tokens, admissions and the admin login survive restarts.
#   USER_DIR:        user-service's JWT signing key and the admin password
#   RESERVATION_DIR: reservation-service's waiting-room admission signing key (a key of its own, not the JWT key)
# Each service reads its folder as a Spring config tree (SPRING_CONFIG_IMPORT=configtree:DIR/): each file name is
# the property it fills (JWT_PRIVATE_KEY, ADMIN_PASSWORD, ADMISSION_PRIVATE_KEY). Nothing secret is ever in the
# repository, and no service can read another's secrets.
#   compose-secrets.sh USER_DIR RESERVATION_DIR   (SECRETS_OWNER=uid:gid: run as root, give the files to that reader)
set -eu
user_dir=${1:?usage: compose-secrets.sh USER_DIR RESERVATION_DIR}
reservation_dir=${2:?usage: compose-secrets.sh USER_DIR RESERVATION_DIR}
generate="java $(dirname "$0")/GenerateSecrets.java"
umask 077
mkdir -p "$user_dir" "$reservation_dir"

# signing_key DIR NAME: a fresh RSA key (PKCS#8 PEM) in DIR/NAME unless one is there
signing_key() {
  if [ ! -s "$1/$2" ]; then
    $generate key >"$1/$2.tmp"
    mv "$1/$2.tmp" "$1/$2"
    echo "generated a new $2"
  fi
}

signing_key "$user_dir" JWT_PRIVATE_KEY
signing_key "$reservation_dir" ADMISSION_PRIVATE_KEY
if [ ! -s "$user_dir/ADMIN_PASSWORD" ]; then
  printf '%s' "$($generate password)" >"$user_dir/ADMIN_PASSWORD.tmp"
  mv "$user_dir/ADMIN_PASSWORD.tmp" "$user_dir/ADMIN_PASSWORD"
  echo "generated the admin password: $(cat "$user_dir/ADMIN_PASSWORD")"
  echo "(shown once; again: docker compose run --rm --entrypoint cat secrets-init $user_dir/ADMIN_PASSWORD)"
fi
# Only root can give files away: in the container it is root; the compose check may run as anyone.
if [ -n "${SECRETS_OWNER:-}" ] && [ "$(id -u)" = 0 ]; then
  chown "$SECRETS_OWNER" "$user_dir" "$user_dir/JWT_PRIVATE_KEY" "$user_dir/ADMIN_PASSWORD" \
    "$reservation_dir" "$reservation_dir/ADMISSION_PRIVATE_KEY"
fi

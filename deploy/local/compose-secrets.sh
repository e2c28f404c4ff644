#!/bin/sh
# What `docker compose` runs as its one-shot secrets-init service, and what the compose check
# (deploy/compose-check) runs the same way outside Docker: writes user-service's JWT signing key and the
# admin password into DIR, once; an existing file is kept, so tokens and the admin login survive restarts.
# user-service reads DIR as a Spring config tree (SPRING_CONFIG_IMPORT=configtree:DIR/): each file name is
# the property it fills (JWT_PRIVATE_KEY, ADMIN_PASSWORD). Nothing secret is ever in the repository.
#   compose-secrets.sh DIR        (SECRETS_OWNER=uid:gid: run as root, give the files to that reader)
set -eu
dir=${1:?usage: compose-secrets.sh DIR}
generate="java $(dirname "$0")/GenerateSecrets.java"
umask 077
mkdir -p "$dir"

if [ ! -s "$dir/JWT_PRIVATE_KEY" ]; then
  $generate key >"$dir/JWT_PRIVATE_KEY.tmp"
  mv "$dir/JWT_PRIVATE_KEY.tmp" "$dir/JWT_PRIVATE_KEY"
  echo "generated a new JWT signing key"
fi
if [ ! -s "$dir/ADMIN_PASSWORD" ]; then
  printf '%s' "$($generate password)" >"$dir/ADMIN_PASSWORD.tmp"
  mv "$dir/ADMIN_PASSWORD.tmp" "$dir/ADMIN_PASSWORD"
  echo "generated the admin password: $(cat "$dir/ADMIN_PASSWORD")"
  echo "(shown once; again: docker compose run --rm --entrypoint cat secrets-init $dir/ADMIN_PASSWORD)"
fi
# Only root can give files away: in the container it is root; the compose check may run as anyone.
if [ -n "${SECRETS_OWNER:-}" ] && [ "$(id -u)" = 0 ]; then
  chown "$SECRETS_OWNER" "$dir" "$dir/JWT_PRIVATE_KEY" "$dir/ADMIN_PASSWORD"
fi

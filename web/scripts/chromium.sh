#!/usr/bin/env bash
# The browser the web client's tests drive: Debian's Chromium at /usr/bin/chromium (playwright-core is told its path;
# the tests never download a browser). Installs it when missing, as root with apt-get (~30 s); otherwise says how.
# Called by .ci/run and by the browser tests (WebClientBrowserIT, npm run e2e) before they start.
set -euo pipefail
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "web: installing Chromium for the browser tests (apt-get install chromium, ~30 s) ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
echo "web: the browser tests need Chromium at $CHROMIUM: apt-get install -y chromium (as root)" >&2
exit 1

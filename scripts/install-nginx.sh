#!/usr/bin/env bash
# Installs Debian's nginx for the multi-process tests in restaurant/distributed-tests, which run it
# as a child process of their own (nginx -c <file> -p <dir>): the system's nginx service is never
# started, reloaded or configured. Idempotent: returns at once when nginx is present.
set -euo pipefail

if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi

source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
apt_prepare install-nginx nginx nginx

# Keep the package's scripts from starting the nginx service (it would listen on port 80): a
# policy-rc.d answering 101 ("action forbidden") for the length of the install, unless one exists.
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ ! -e "$policy" ]; then
  "${as_root[@]}" sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
  added_policy=1
fi
cleanup() {
  if [ -n "$added_policy" ]; then "${as_root[@]}" rm -f "$policy"; fi
}
trap cleanup EXIT

apt_install install-nginx nginx

if [ ! -x /usr/sbin/nginx ]; then
  echo "install-nginx: /usr/sbin/nginx is still missing after apt-get install" >&2
  exit 1
fi
/usr/sbin/nginx -v >&2

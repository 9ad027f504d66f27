#!/usr/bin/env bash
# Installs Debian's nginx for the multi-process tests in restaurant/distributed-tests, which run it
# as a child process of their own (nginx -c <file> -p <dir>): the system's nginx service is never
# started, reloaded or configured. Idempotent: returns at once when nginx is present.
set -euo pipefail

if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "install-nginx: nginx is missing, and installing it needs root (run as root or install sudo)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-nginx: apt-get not found; install Debian's nginx package by hand" >&2
  exit 1
fi

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

echo "install-nginx: installing nginx" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx

if [ ! -x /usr/sbin/nginx ]; then
  echo "install-nginx: /usr/sbin/nginx is still missing after apt-get install" >&2
  exit 1
fi
/usr/sbin/nginx -v >&2

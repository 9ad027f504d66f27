# Sourced by the install scripts: installs Debian packages as root, directly or through `sudo -n`,
# or says why it cannot and exits 1.
#   apt_prepare WHO WHAT PACKAGE...   checks root and apt-get; sets as_root for further commands
#   apt_install WHO PACKAGE...        apt-get update, then install without recommended packages

apt_prepare() {
  local who=$1 what=$2
  shift 2
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    echo "$who: $what is missing, and installing it needs root (run as root or install sudo)" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$who: apt-get not found; install the Debian packages $* by hand" >&2
    exit 1
  fi
}

apt_install() {
  local who=$1
  shift
  echo "$who: installing $*" >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

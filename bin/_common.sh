# Shared by bin/run and bin/test: find Python 3.11+, make .venv, install the project.
# Works on a fresh Debian/Ubuntu machine; installs missing system packages when run as root.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "Need root to run: $*" >&2; return 1
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { echo "Please install: $*" >&2; return 1; }
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
      echo "$candidate"; return 0
    fi
  done
  echo "CARAI needs Python 3.11 or newer." >&2
  return 1
}

ensure_venv() {
  local extra="${1:-}"
  if [ ! -x "$VENV/bin/python" ]; then
    local py; py="$(find_python)"
    if ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
      say "Installing python3-venv"
      apt_install python3-venv || apt_install "$(basename "$py")-venv"
    fi
    say "Creating virtual environment in .venv"
    "$py" -m venv "$VENV"
  fi
  # Reinstall only when the dependency list changed.
  local stamp="$VENV/.carai-installed${extra:+-$extra}"
  local want; want="$(sha256sum pyproject.toml | cut -c1-64)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing CARAI${extra:+ with $extra tools}"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".${extra:+[$extra]}"
    echo "$want" > "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
}

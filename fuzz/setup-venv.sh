#!/usr/bin/env bash
# Makes the Python environment of the fuzz runs and prints its path: a venv (default
# node_modules/.cache/liaison-fuzz/venv, or $FUZZ_VENV) with fuzz/requirements.txt installed
# from PyPI by pip. It is made once and again only when requirements.txt changes (a checksum is
# kept in the venv). It lives under node_modules/ because ESLint lints dot-folders such as .venv,
# and a venv carries .js files; `npm ci` clears it, and the next run makes it again (~15 s).
#
# Needs Python 3.11+ (python3, or $PYTHON). Without `ensurepip` (Debian's python3 without the
# python3-venv package), the venv is made --without-pip and pip is put in from a wheel that the
# system's own pip downloads; with neither, it stops and says what to install.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${FUZZ_VENV:-$root/node_modules/.cache/liaison-fuzz/venv}"
requirements="$root/fuzz/requirements.txt"
python="${PYTHON:-python3}"
pip_version="26.1"

fail() {
  echo "fuzz/setup-venv.sh: $*" >&2
  exit 1
}

want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -x "$venv/bin/st" ] && [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" = "$want" ]; then
  echo "$venv"
  exit 0
fi

command -v "$python" >/dev/null ||
  fail "$python not found; install Python 3.11 or later (Debian: apt-get install python3 python3-venv) or set PYTHON"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  fail "Schemathesis needs Python 3.11 or later; $python is $("$python" -V 2>&1). Set PYTHON to a newer one"

mkdir -p "$(dirname "$venv")"
rm -rf "$venv"
if "$python" -c 'import ensurepip' 2>/dev/null; then
  "$python" -m venv "$venv" >&2
else
  echo "fuzz/setup-venv.sh: $python has no ensurepip; making the venv without pip and adding pip $pip_version" >&2
  "$python" -m venv --without-pip "$venv" >&2
  wheels="$(mktemp -d)"
  trap 'rm -rf "$wheels"' EXIT
  "$python" -m pip --version >/dev/null 2>&1 ||
    fail "$python has neither ensurepip nor pip; install one (Debian: apt-get install python3-venv)"
  "$python" -m pip download --disable-pip-version-check --no-deps --only-binary=:all: \
    -d "$wheels" "pip==$pip_version" >&2
  wheel="$(ls "$wheels"/pip-*.whl)"
  # A wheel is importable: pip installs itself from its own wheel.
  "$venv/bin/python" "$wheel/pip" install --no-index --disable-pip-version-check "$wheel" >&2
fi
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input --quiet \
  -r "$requirements" >&2 || fail "pip could not install fuzz/requirements.txt (is PyPI reachable?)"
echo "$want" >"$venv/.requirements.sha256"
echo "$venv"

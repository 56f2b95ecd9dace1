#!/usr/bin/env bash
# Makes a Python environment from a pinned requirements file and prints its path.
#
#   scripts/setup-venv.sh REQUIREMENTS VENV PROGRAM
#
# REQUIREMENTS is the pip requirements file, VENV the venv folder to make, PROGRAM a program the
# installed packages put in VENV/bin (`st`, `jupyter-execute`): with it there and the
# requirements unchanged since the last install (a checksum is kept in the venv), nothing is done.
# Otherwise the venv is made afresh and the requirements installed from PyPI by pip.
#
# The project's venvs live under node_modules/.cache/ (fuzz: liaison-fuzz/venv, notebook:
# liaison-examples/venv) because ESLint lints dot-folders such as .venv, and a venv carries .js
# files; `npm ci` clears them, and the next run makes them again.
#
# Needs Python 3.11+ (python3, or $PYTHON). Without `ensurepip` (Debian's python3 without the
# python3-venv package), the venv is made --without-pip and pip is put in from a wheel that the
# system's own pip downloads; with neither, it stops and says what to install.
set -euo pipefail

fail() {
  echo "scripts/setup-venv.sh: $*" >&2
  exit 1
}

[ $# -eq 3 ] || fail "usage: scripts/setup-venv.sh REQUIREMENTS VENV PROGRAM (got $# arguments)"
requirements="$1"
venv="$2"
program="$3"
case "$venv" in /*) ;; *) venv="$PWD/$venv" ;; esac
[ -f "$requirements" ] || fail "no requirements file at $requirements"
python="${PYTHON:-python3}"
pip_version="26.1"

command -v "$python" >/dev/null ||
  fail "$python not found; install Python 3.11 or later (Debian: apt-get install python3 python3-venv) or set PYTHON"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  fail "$requirements needs Python 3.11 or later; $python is $("$python" -V 2>&1). Set PYTHON to a newer one"

want="$("$python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$requirements")"
if [ -x "$venv/bin/$program" ] && [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" = "$want" ]; then
  echo "$venv"
  exit 0
fi

mkdir -p "$(dirname "$venv")"
rm -rf "$venv"
if "$python" -c 'import ensurepip' 2>/dev/null; then
  "$python" -m venv "$venv" >&2
else
  echo "scripts/setup-venv.sh: $python has no ensurepip; making the venv without pip and adding pip $pip_version" >&2
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
  -r "$requirements" >&2 || fail "pip could not install $requirements (is PyPI reachable?)"
[ -x "$venv/bin/$program" ] || fail "$requirements is installed but $venv/bin/$program is not there"
echo "$want" >"$venv/.requirements.sha256"
echo "$venv"

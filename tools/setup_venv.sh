#!/bin/sh
# Make sure VENV is a working Python environment holding exactly the packages of LOCK, then exit.
#
#   sh tools/setup_venv.sh PYTHON VENV LOCK
#
# Every make target runs this first, because a machine that is "not quite right" otherwise leaves a
# .venv that each later `make site` trips over with a traceback: Python older than 3.11 (Ubuntu 22.04's
# default), Debian without python3-venv (the venv is created without pip), a .venv made by a Python
# that has since been removed or upgraded, or an install cut short. Each is said plainly, in Thai and
# English, with what to install; a broken .venv is rebuilt on its own.
#
# Plain POSIX sh on purpose: it must run before any suitable Python is known to exist.
set -u

PYTHON=${1:?PYTHON}
VENV=${2:?VENV}
LOCK=${3:?LOCK}
STAMP="$VENV/.installed-$(basename "$LOCK")" # a copy of the lock the packages were installed from

say() { printf '%s\n' "$@" >&2; }

# Python 3.11 or newer: Markdown, Material for MkDocs and Pillow at their pinned versions need it.
NEW_ENOUGH='import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  say "ไม่พบโปรแกรม $PYTHON: ติดตั้ง Python 3.11 ขึ้นไปก่อน (Debian/Ubuntu: sudo apt install python3 python3-venv)" \
      "$PYTHON was not found: install Python 3.11 or newer (Debian/Ubuntu: sudo apt install python3 python3-venv)," \
      "or name another one: make site PYTHON=/path/to/python3.12"
  exit 1
fi

if ! "$PYTHON" -c "$NEW_ENOUGH" 2>/dev/null; then
  found=$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null || echo "?")
  say "$PYTHON เป็นรุ่น $found แต่ต้องใช้ Python 3.11 ขึ้นไป" \
      "$PYTHON is version $found, but Python 3.11 or newer is needed." \
      "  Ubuntu 22.04: sudo apt install python3.11 python3.11-venv, then: make site PYTHON=python3.11" \
      "  Windows / macOS: install Python 3.11 or newer from https://www.python.org/downloads/"
  exit 1
fi

# A .venv that cannot run Python 3.11+ with pip is rebuilt rather than patched: nothing in it is the
# webmaster's own work (the data lives elsewhere), and a half-made environment fails in confusing ways.
if [ -e "$VENV" ] || [ -L "$VENV" ]; then
  if ! "$VENV/bin/python" -c "$NEW_ENOUGH" >/dev/null 2>&1 \
    || ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    say "สภาพแวดล้อม $VENV เสียหรือสร้างไม่เสร็จ: กำลังสร้างใหม่" \
        "The environment $VENV is broken or unfinished: rebuilding it."
    rm -rf "$VENV" || exit 1
  fi
fi

if [ ! -e "$VENV" ]; then
  # Debian and Ubuntu ship venv's pip bootstrap (ensurepip) in a separate package.
  if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    say "$PYTHON สร้างสภาพแวดล้อม (venv) ไม่ได้: ติดตั้งแพ็กเกจ python3-venv ก่อน (sudo apt install python3-venv python$version-venv)" \
        "$PYTHON cannot create a virtual environment: install python3-venv first (sudo apt install python3-venv python$version-venv)."
    exit 1
  fi
  if ! "$PYTHON" -m venv "$VENV"; then
    rm -rf "$VENV"
    say "สร้าง $VENV ไม่สำเร็จ (ดูข้อความด้านบน)" "Could not create $VENV (see the messages above)."
    exit 1
  fi
fi

# Install when the lock changed since the last install. --require-hashes: a file that does not match
# the hash in the lock (a tampered mirror, a re-uploaded release) is refused.
if ! cmp -s "$LOCK" "$STAMP"; then
  rm -f "$STAMP"
  if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$LOCK"; then
    say "ติดตั้งแพ็กเกจจาก $LOCK ไม่สำเร็จ (ดูข้อความด้านบน; ต้องต่ออินเทอร์เน็ต) แล้วสั่งอีกครั้ง" \
        "Installing the packages of $LOCK failed (see above; it needs the internet); run the command again."
    exit 1
  fi
  cp "$LOCK" "$STAMP"
fi

# The engine's modules compiled once, as pip compiled the packages: with PYTHONDONTWRITEBYTECODE set
# (some shells and containers set it), Python would otherwise compile hooks/ from source on every
# build. Files whose bytecode is current are skipped; a stale file is only recompiled, never trusted.
"$VENV/bin/python" -m compileall -q "$(dirname "$0")/../hooks" >/dev/null || true

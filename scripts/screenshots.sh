#!/usr/bin/env bash
# Regenerate docs/screenshots/*.png: every main view of the workbench, drawn offscreen from the bundled sample
# catalog (in a temporary copy: nothing of yours is changed). Needs the virtual environment ./dev sets up.
#
#   scripts/screenshots.sh [OUT_DIR] [-- extra tthc-workbench options, e.g. --lang en --size 1600x1000]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots}
shift || true
[ "${1:-}" = "--" ] && shift
PYTHON=${PYTHON:-.venv/bin/python}
QT_QPA_PLATFORM=offscreen "$PYTHON" -m workbench.app --screenshot "$OUT" "$@"

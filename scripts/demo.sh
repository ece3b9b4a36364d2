#!/usr/bin/env bash
# Runs the demo pipeline (README.md, "Quick start"): sets up the tools, then tsx scripts/demo.ts
# with Node 24 first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh
export PATH="$ROOT/node_modules/.bin:$ROOT/.venv/bin:$ROOT/.tools/bin:$PATH"
exec tsx scripts/demo.ts "$@"

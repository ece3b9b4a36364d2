#!/usr/bin/env bash
# Runs bench/canary/run.ts on the project's Node 24 (see README.md), then renders plot.svg to
# plot.png with rsvg-convert (Debian librsvg2-bin) when it is installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
node_modules/node/bin/node --experimental-transform-types --disable-warning=ExperimentalWarning \
  --import ./bench/ecs-deploy/resolve-ts.mjs bench/canary/run.ts "$@"
out=bench/canary
for ((i = 1; i <= $#; i++)); do [[ "${!i}" == --out ]] && { j=$((i + 1)); out="${!j}"; }; done
if command -v rsvg-convert >/dev/null; then rsvg-convert -o "$out/plot.png" "$out/plot.svg"; fi

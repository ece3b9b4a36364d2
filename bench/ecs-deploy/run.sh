#!/usr/bin/env bash
# Runs bench/ecs-deploy/run.ts on the project's Node 24 (type stripping + transform for the
# harness's parameter properties; resolve-ts.mjs for its extensionless imports). See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node_modules/node/bin/node --experimental-transform-types --disable-warning=ExperimentalWarning \
  --import ./bench/ecs-deploy/resolve-ts.mjs bench/ecs-deploy/run.ts "$@"

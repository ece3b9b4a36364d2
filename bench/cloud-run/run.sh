#!/usr/bin/env bash
# Runs bench/cloud-run/run.ts on the project's Node 24 (type stripping + transforms; the ECS
# bench's resolve-ts.mjs for the harness's extensionless imports). See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node_modules/node/bin/node --experimental-transform-types --disable-warning=ExperimentalWarning \
  --import ./bench/ecs-deploy/resolve-ts.mjs bench/cloud-run/run.ts "$@"

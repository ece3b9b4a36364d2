#!/usr/bin/env bash
# Runs bench/image/run.ts on the project's Node 24 (type stripping; resolve-ts.mjs for the harness's
# extensionless imports). Needs buildah, skopeo, docker-registry, taskset, and in .venv flask,
# gunicorn and onnxruntime (requirements-dev.txt). Results: bench/.work/image/results.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/.venv/bin:$PATH"
exec node_modules/node/bin/node --experimental-transform-types --disable-warning=ExperimentalWarning \
  --import ./bench/ecs-deploy/resolve-ts.mjs bench/image/run.ts "$@"

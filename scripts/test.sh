#!/usr/bin/env bash
# Runs every check and test of the repository, the same way locally and in CI (.ci/run,
# .github/workflows/ci.yml):
#
#   bash scripts/test.sh
#
# Steps: bootstrap, typecheck, check:actions, check:docs, check:dist, lint:workflows, unit tests,
# integration tests. Each is labelled; a failing step does not stop the others, so one run shows
# every failure. Each check step counts as one test; the jest steps count their tests, read from
# the "jest: N passed, N failed, N skipped" line of test/reporters/closing-line.cjs. The last line
# is always "tests: N passed, N failed"; the exit status is non-zero when anything failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

passed=0
failed=0
results=()
LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ml-deploy-test.XXXXXX")"
trap 'rm -rf "$LOG_DIR"' EXIT

banner() {
  printf '\n==> %s\n' "$1"
}

record() { # record <label> <ok|FAIL> <detail>
  results+=("$(printf '%-18s %-4s %s' "$1" "$2" "$3")")
}

# check <label> <command...>: one test; passes when the command exits 0.
check() {
  local label="$1"
  shift
  banner "$label: $*"
  local start=$SECONDS
  "$@"
  local status=$?
  if ((status == 0)); then
    passed=$((passed + 1))
    record "$label" ok "$((SECONDS - start))s"
  else
    failed=$((failed + 1))
    record "$label" FAIL "exit $status, $((SECONDS - start))s"
  fi
}

# jest_step <label> <command...>: adds the counts of the jest closing line; a non-zero exit with
# no failed test counted (a suite that did not compile, no test found) counts as one failure.
jest_step() {
  local label="$1"
  shift
  banner "$label: $*"
  local start=$SECONDS log="$LOG_DIR/$label.log" status
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  local line p=0 f=0 s=0
  line="$(grep -E '^jest: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log" | tail -n 1)"
  if [[ -n "$line" ]]; then
    read -r p f s < <(sed -E 's/^jest: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/' <<<"$line")
  fi
  if ((status != 0 && f == 0)); then
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  if ((status == 0)); then
    record "$label" ok "$p passed, $s skipped, $((SECONDS - start))s"
  else
    local note=""
    [[ -z "$line" ]] && note=" (no jest closing line)"
    record "$label" FAIL "exit $status: $p passed, $f failed, $s skipped$note, $((SECONDS - start))s"
  fi
}

banner "bootstrap: bash scripts/bootstrap.sh"
if bash scripts/bootstrap.sh; then
  record bootstrap ok ""
else
  # Not a test, but its failure must show in the count: later steps may fail because of it.
  failed=$((failed + 1))
  record bootstrap FAIL "later failures may follow from this one"
fi

# Node 24 (the `node` devDependency) first, then the Python tools and actionlint.
export PATH="$ROOT/node_modules/.bin:$ROOT/.venv/bin:$ROOT/.tools/bin:$PATH"

check typecheck pnpm typecheck
check check:actions pnpm check:actions
check check:docs pnpm check:docs
check check:dist pnpm check:dist
check lint:workflows pnpm lint:workflows
jest_step unit pnpm test:unit
jest_step integration pnpm test:integration

printf '\n==> summary\n'
printf '%s\n' "${results[@]}"
echo "tests: $passed passed, $failed failed"
((failed == 0))

#!/usr/bin/env bash
# Runs every check and test of the repository, the same way locally and in CI (.ci/run,
# .github/workflows/ci.yml):
#
#   bash scripts/test.sh
#
# Steps: bootstrap, typecheck, check:actions, check:docs, check:dist, lint:workflows, the tests of
# these scripts (node:test), unit tests, integration tests (jest). Each is labelled; a failing step
# does not stop the others, so one run shows every failure. Each check step counts as one test;
# the test steps add their own counts (see counted_step). The last line is always
# "tests: N passed, N failed"; the exit status is non-zero when anything failed.
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

# counted_step <label> <command...>: adds the test counts the command prints: the jest closing line
# "jest: N passed, N failed, N skipped" (test/reporters/closing-line.cjs) or node:test's
# "ℹ pass N" / "ℹ fail N" / "ℹ skipped N". A non-zero exit with no failed test counted (a suite
# that did not compile, no test found) counts as one failure.
counted_step() {
  local label="$1"
  shift
  banner "$label: $*"
  local start=$SECONDS log="$LOG_DIR/${label//[^A-Za-z0-9]/_}.log" status
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  local line p=0 f=0 s=0 note=""
  line="$(grep -E '^jest: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log" | tail -n 1)"
  if [[ -n "$line" ]]; then
    read -r p f s < <(sed -E 's/^jest: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/' <<<"$line")
  elif grep -qE '^ℹ pass [0-9]+$' "$log"; then
    p="$(sed -nE 's/^ℹ pass ([0-9]+)$/\1/p' "$log" | tail -n 1)"
    f="$(sed -nE 's/^ℹ fail ([0-9]+)$/\1/p' "$log" | tail -n 1)"
    s="$(sed -nE 's/^ℹ skipped ([0-9]+)$/\1/p' "$log" | tail -n 1)"
    line="node:test"
  else
    note=" (no test counts printed)"
  fi
  if ((status != 0 && f == 0)); then
    f=1
  fi
  if ((status == 0 && p == 0)); then
    # Nothing ran, yet the command passed: a green step that tested nothing is a failure.
    f=1
    note=" (no test ran)"
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  if ((status == 0 && f == 0)); then
    record "$label" ok "$p passed, ${s:-0} skipped, $((SECONDS - start))s"
  else
    record "$label" FAIL "exit $status: $p passed, $f failed, ${s:-0} skipped$note, $((SECONDS - start))s"
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
counted_step scripts pnpm test:scripts
counted_step unit pnpm test:unit
counted_step integration pnpm test:integration

printf '\n==> summary\n'
printf '%s\n' "${results[@]}"
echo "tests: $passed passed, $failed failed"
((failed == 0))

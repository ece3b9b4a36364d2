#!/usr/bin/env bash
# Runs every check and test of the repository, the same way locally and in CI (.ci/run,
# .github/workflows/ci.yml):
#
#   bash scripts/test.sh
#
# Steps: bootstrap, typecheck, check:actions, check:docs, check:dist, lint:workflows, the tests of
# these scripts (node:test), unit tests, integration tests (jest). Each is labelled; a failing step
# does not stop the others, so one run shows every failure.
#
# Counts are kept apart so each number means what it says:
#   checks:              the bootstrap and check steps, one each
#   tooling tests:       the tests of these build and check scripts (scripts/test/, node:test)
#   harness self-tests:  the tests of the test harness itself (test/harness-tests/)
#   product tests:       every other unit and integration test: the actions and packages
# The last line is always "tests: N passed, N failed": N passed counts product tests only; N failed
# counts every failure of any kind, so a red run never ends in "0 failed". The exit status is
# non-zero when anything failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

# Per group: passed and failed counts (see the header).
check_passed=0
check_failed=0
tooling_passed=0
tooling_failed=0
harness_passed=0
harness_failed=0
product_passed=0
product_failed=0
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
    check_passed=$((check_passed + 1))
    record "$label" ok "$((SECONDS - start))s"
  else
    check_failed=$((check_failed + 1))
    record "$label" FAIL "exit $status, $((SECONDS - start))s"
  fi
}

# counted_step <group> <label> <command...>: adds the test counts the command prints to <group>
# (tooling or product): the jest closing line "jest: N passed, N failed, N skipped"
# (test/reporters/closing-line.cjs), of which the harness self-tests it reports on the line before
# go to the harness group, or node:test's "ℹ pass N" / "ℹ fail N" / "ℹ skipped N". A non-zero exit
# with no failed test counted (a suite that did not compile, no test found) counts as one failure.
counted_step() {
  local group="$1" label="$2"
  shift 2
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
  if ((status == 0 && p == 0 && f == 0)); then
    # Nothing ran, yet the command passed: a green step that tested nothing is a failure.
    f=1
    note=" (no test ran)"
  fi
  local hp=0 hf=0 hline
  hline="$(grep -E '^jest harness self-tests: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log" | tail -n 1)"
  if [[ -n "$hline" ]]; then
    read -r hp hf _ < <(sed -E 's/^jest harness self-tests: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/' <<<"$hline")
    harness_passed=$((harness_passed + hp))
    harness_failed=$((harness_failed + hf))
    p=$((p - hp))
    f=$((f - hf))
    if ((f < 0)); then f=0; fi
  fi
  if [[ "$group" == tooling ]]; then
    tooling_passed=$((tooling_passed + p))
    tooling_failed=$((tooling_failed + f))
  else
    product_passed=$((product_passed + p))
    product_failed=$((product_failed + f))
  fi
  f=$((f + hf))
  if ((status == 0 && f == 0)); then
    record "$label" ok "$p passed, ${s:-0} skipped$([[ -n "$hline" ]] && echo ", harness $hp passed"), $((SECONDS - start))s"
  else
    record "$label" FAIL "exit $status: $p passed, $f failed, ${s:-0} skipped$note, $((SECONDS - start))s"
  fi
}

banner "bootstrap: bash scripts/bootstrap.sh"
if bash scripts/bootstrap.sh; then
  record bootstrap ok ""
else
  # Not a test, but its failure must show in the count: later steps may fail because of it.
  check_failed=$((check_failed + 1))
  record bootstrap FAIL "later failures may follow from this one"
fi

# Node 24 (the `node` devDependency) first, then the Python tools and actionlint.
export PATH="$ROOT/node_modules/.bin:$ROOT/.venv/bin:$ROOT/.tools/bin:$PATH"

check typecheck pnpm typecheck
check check:actions pnpm check:actions
check check:docs pnpm check:docs
check check:dist pnpm check:dist
check lint:workflows pnpm lint:workflows
counted_step tooling scripts pnpm test:scripts
counted_step product unit pnpm test:unit
counted_step product integration pnpm test:integration

printf '\n==> summary\n'
printf '%s\n' "${results[@]}"
failed=$((check_failed + tooling_failed + harness_failed + product_failed))
printf '\nchecks:             %d passed, %d failed\n' "$check_passed" "$check_failed"
printf 'tooling tests:      %d passed, %d failed\n' "$tooling_passed" "$tooling_failed"
printf 'harness self-tests: %d passed, %d failed\n' "$harness_passed" "$harness_failed"
printf 'product tests:      %d passed, %d failed\n' "$product_passed" "$product_failed"
echo "tests: $product_passed passed, $failed failed"
((failed == 0))

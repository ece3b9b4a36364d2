#!/usr/bin/env bash
# Lints every workflow and action we ship, with zero findings allowed:
#   - actionlint (with shellcheck on every `run:` script) over .github/workflows/*.yml and the
#     starter pipelines users copy, workflows/*.yml;
#   - zizmor, offline, over the same workflows, every root */action.yml and .github/dependabot.yml,
#     with .github/zizmor.yml as its config (every ignore there says why);
#   - shellcheck over our own shell scripts (scripts/*.sh, .ci/run).
# Tools come from scripts/bootstrap.sh: .tools/bin/actionlint (Go module proxy) and zizmor from
# .venv (pinned in requirements-dev.txt).
#
#   bash scripts/lint-workflows.sh
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
shopt -s nullglob

failed=0
fail() {
  echo "lint-workflows: $*" >&2
  failed=1
}

# The tool from .venv (pip put it there when the system lacks the pinned version), else from PATH.
find_tool() {
  local name="$1"
  if [[ -x ".venv/bin/$name" ]]; then
    echo ".venv/bin/$name"
  elif [[ -x ".tools/bin/$name" ]]; then
    echo ".tools/bin/$name"
  elif command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
  fi
}

workflows=(.github/workflows/*.yml .github/workflows/*.yaml workflows/*.yml workflows/*.yaml)
actions=(*/action.yml)
configs=()
[[ -f .github/dependabot.yml ]] && configs+=(.github/dependabot.yml)

# --- actionlint -------------------------------------------------------------------------------
actionlint="$(find_tool actionlint)"
if [[ -z "$actionlint" ]]; then
  fail "actionlint not found; run: bash scripts/bootstrap.sh"
elif ((${#workflows[@]} > 0)); then
  if ! command -v shellcheck >/dev/null 2>&1; then
    fail "shellcheck not found (actionlint would silently skip run: scripts); run: bash scripts/bootstrap.sh"
  fi
  if "$actionlint" -no-color "${workflows[@]}"; then
    echo "actionlint: ${#workflows[@]} workflow(s) clean"
  else
    fail "actionlint reported findings (above)"
  fi
fi

# --- zizmor -----------------------------------------------------------------------------------
zizmor="$(find_tool zizmor)"
want_zizmor="$(sed -n 's/^zizmor==\([^ #]*\).*/\1/p' requirements-dev.txt)"
zizmor_inputs=("${workflows[@]}" "${actions[@]}" "${configs[@]}")
if [[ -z "$zizmor" ]]; then
  fail "zizmor not found; run: bash scripts/bootstrap.sh"
elif [[ -n "$want_zizmor" && "$("$zizmor" --version 2>/dev/null)" != "zizmor $want_zizmor" ]]; then
  fail "$zizmor is '$("$zizmor" --version 2>&1)', requirements-dev.txt pins $want_zizmor; run: bash scripts/bootstrap.sh"
elif ((${#zizmor_inputs[@]} > 0)); then
  # --offline: no network audits and no GitHub API (CI and this machine have no token to spend).
  # --persona=regular is zizmor's default, stated so a change of default cannot pass unnoticed.
  if "$zizmor" --offline --quiet --persona=regular --no-progress --color=never --strict-collection \
    --config .github/zizmor.yml "${zizmor_inputs[@]}"; then
    echo "zizmor: ${#zizmor_inputs[@]} file(s) clean"
  else
    fail "zizmor reported findings (above)"
  fi
fi

# --- shellcheck on our scripts ----------------------------------------------------------------
scripts=(scripts/*.sh .ci/run)
if ! command -v shellcheck >/dev/null 2>&1; then
  fail "shellcheck not found; run: bash scripts/bootstrap.sh"
elif ((${#scripts[@]} > 0)); then
  if shellcheck --shell=bash --severity=style "${scripts[@]}"; then
    echo "shellcheck: ${#scripts[@]} script(s) clean"
  else
    fail "shellcheck reported findings (above)"
  fi
fi

exit "$failed"

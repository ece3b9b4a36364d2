#!/usr/bin/env bash
# Sets up everything the tests, checks and demo need on a fresh machine of our kind (Debian 12 as
# root, Node 20 + npm, Python 3.11 + pip, Go; no Docker; only package registries reachable).
# Idempotent and quiet: each step is skipped when already done and prints its log only on failure.
#
#   bash scripts/bootstrap.sh
#
# What it installs, and from where:
#   - Debian packages listed in apt-packages.txt (one per line, # comments), only the missing ones
#   - pnpm 10 (npm registry) when pnpm 10 is not on PATH
#   - node_modules: pnpm install --frozen-lockfile (brings Node 24 as the `node` devDependency)
#   - .venv: python3 -m venv --system-site-packages, then pip install -r requirements-dev.txt
#     (system site-packages make this fast where the pinned versions are installed already)
#   - .tools/bin/actionlint, built from the Go module proxy (the PyPI wrapper downloads from GitHub)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PNPM_VERSION=10.34.9
ACTIONLINT_VERSION=v1.7.12
PNPM_LOCK=/tmp/ml-deploy-pnpm.lock

LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ml-deploy-bootstrap.XXXXXX")"
trap 'rm -rf "$LOG_DIR"' EXIT

# step <label> <command...>: runs quietly; on failure prints the label, the command's output and
# exits non-zero.
step() {
  local label="$1"
  shift
  local log="$LOG_DIR/${label//[^A-Za-z0-9]/_}.log"
  if ! "$@" >"$log" 2>&1; then
    echo "bootstrap: '$label' failed; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
}

as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "bootstrap: '$*' needs root, and sudo is not available" >&2
    return 1
  fi
}

# --- Debian packages --------------------------------------------------------------------------
apt_missing=()
if [[ -f apt-packages.txt ]]; then
  while read -r pkg _; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      apt_missing+=("$pkg")
    fi
  done < <(sed 's/#.*//' apt-packages.txt)
fi
if ((${#apt_missing[@]} > 0)); then
  install_apt() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${apt_missing[@]}"
  }
  step "apt-get install ${apt_missing[*]}" install_apt
fi

# --- pnpm and node_modules --------------------------------------------------------------------
if ! pnpm --version 2>/dev/null | grep -q '^10\.'; then
  step "npm install -g pnpm@$PNPM_VERSION" npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION"
fi
# Several people (and CI jobs) may share one checkout: one pnpm install at a time.
pnpm_install() {
  if command -v flock >/dev/null 2>&1; then
    flock "$PNPM_LOCK" pnpm install --frozen-lockfile --reporter=append-only
  else
    pnpm install --frozen-lockfile --reporter=append-only
  fi
}
step "pnpm install --frozen-lockfile" pnpm_install
if ! node_modules/.bin/node --version 2>/dev/null | grep -q '^v24\.'; then
  echo "bootstrap: node_modules/.bin/node is not Node 24 after pnpm install;" \
    "check that package.json allows the 'node' package to build (pnpm.onlyBuiltDependencies)" >&2
  exit 1
fi

# --- Python tools -----------------------------------------------------------------------------
if [[ ! -x .venv/bin/python ]]; then
  step "python3 -m venv .venv" python3 -m venv --system-site-packages .venv
fi
# pip is skipped while requirements-dev.txt is unchanged since the last successful install.
req_hash="$(sha256sum requirements-dev.txt | cut -d' ' -f1)"
if [[ "$(cat .venv/.requirements-dev.sha256 2>/dev/null || true)" != "$req_hash" ]]; then
  step "pip install -r requirements-dev.txt" \
    .venv/bin/pip install --quiet --disable-pip-version-check --no-input -r requirements-dev.txt
  echo "$req_hash" >.venv/.requirements-dev.sha256
fi

# --- actionlint -------------------------------------------------------------------------------
if ! .tools/bin/actionlint --version 2>/dev/null | grep -qx "$ACTIONLINT_VERSION"; then
  mkdir -p .tools/bin
  step "go install actionlint@$ACTIONLINT_VERSION" \
    env GOBIN="$ROOT/.tools/bin" go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi

# --- Feature steps: scripts/bootstrap.d/*.sh, in name order ------------------------------------
# Each file installs what one area's tests need (a Go-built scanner, a model fixture toolchain...),
# is idempotent and quick when its work is done, and runs with the repository root as its working
# directory. One file per area keeps this script free of merge conflicts as areas are added.
for extra in scripts/bootstrap.d/*.sh; do
  [[ -e "$extra" ]] || continue
  step "$extra" bash "$extra"
done

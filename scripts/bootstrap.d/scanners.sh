#!/usr/bin/env bash
# Installs the vulnerability scanner the scan-image tests run for real, built from the Go module
# proxy (no release binary is downloaded): Trivy v0.74.0, and trivydb
# (test/fixtures/scanner-db/trivydb), which writes test databases with trivy-db's own library.
# Where: $ML_DEPLOY_SCANNERS_DIR, default ~/.cache/ml-deploy/scanners/bin, reused across runs.
# Needed by: actions/scan-image/test/*.itg.test.ts, test/harness/scanners.ts.
# Time: Trivy is a large build: 20 minutes on 2 busy cores from an empty module and build cache
# (measured, nice'd, load average 6), seconds after.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="${ML_DEPLOY_SCANNERS_DIR:-$HOME/.cache/ml-deploy/scanners/bin}"
mkdir -p "$bin"
export GOBIN="$bin" GOFLAGS=-buildvcs=false CGO_ENABLED=0

trivy_version=v0.74.0
stamp="$bin/.trivy-$trivy_version-release-ldflags"
if [[ ! -x "$bin/trivy" || ! -f "$stamp" ]]; then
  # Trivy 0.74 imports encoding/json/v2, behind GOEXPERIMENT=jsonv2 in Go 1.25/1.26. The ldflags are
  # those of Trivy's goreleaser.yml: without -X ...app.ver the binary says "dev", and scan-image
  # keys its database cache by the version the scanner reports.
  GOEXPERIMENT=jsonv2 nice -n 10 go install \
    -ldflags "-s -w -X github.com/aquasecurity/trivy/pkg/version/app.ver=${trivy_version#v}" \
    "github.com/aquasecurity/trivy/cmd/trivy@$trivy_version"
  rm -f "$bin"/.trivy-*
  touch "$stamp"
fi

src="$root/test/fixtures/scanner-db/trivydb"
sum="$(cat "$src"/go.mod "$src"/go.sum "$src"/main.go | sha256sum | cut -c1-16)"
if [[ ! -x "$bin/trivydb" || ! -f "$bin/.trivydb-$sum" ]]; then
  (cd "$src" && nice -n 10 go build -o "$bin/trivydb" .)
  rm -f "$bin"/.trivydb-*
  touch "$bin/.trivydb-$sum"
fi

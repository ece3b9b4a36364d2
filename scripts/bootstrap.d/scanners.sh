#!/usr/bin/env bash
# Installs the vulnerability scanners the scan-image tests run for real, built from the Go module
# proxy (no release binary is downloaded): Trivy v0.74.0 and Grype v0.121.3, and trivydb and grypedb
# (test/fixtures/scanner-db/), which write test databases with each scanner's own library.
# Where: $ML_DEPLOY_SCANNERS_DIR, default ~/.cache/ml-deploy/scanners/bin, reused across runs.
# Needed by: actions/scan-image/test/*.itg.test.ts, test/harness/scanners.ts.
# Time: Trivy is a large build: 20 minutes on 2 busy cores from an empty module and build cache
# (measured, nice'd, load average 6), seconds after; Grype 17 minutes the same way. CI keeps this
# directory in the Actions cache, keyed by this script and test/fixtures/scanner-db.
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

grype_version=v0.121.3
stamp="$bin/.grype-$grype_version-release-ldflags"
if [[ ! -x "$bin/grype" || ! -f "$stamp" ]]; then
  # The version as grype's goreleaser.yaml stamps it (else grype reports "[not provided]").
  nice -n 10 go install -ldflags "-s -w -X main.version=${grype_version#v}" \
    "github.com/anchore/grype/cmd/grype@$grype_version"
  rm -f "$bin"/.grype-*
  touch "$stamp"
fi

src="$root/test/fixtures/scanner-db/grypedb"
sum="$(cat "$src"/go.mod "$src"/go.sum "$src"/main.go | sha256sum | cut -c1-16)"
if [[ ! -x "$bin/grypedb" || ! -f "$bin/.grypedb-$sum" ]]; then
  (cd "$src" && nice -n 10 go build -o "$bin/grypedb" .)
  rm -f "$bin"/.grypedb-*
  touch "$bin/.grypedb-$sum"
fi

#!/usr/bin/env bash
# Installs actionlint (the GitHub Actions workflow linter) at a pinned version into .bench/bin, building it with
# the `go` on PATH from the Go module proxy, and prints the binary's path on stdout. Does nothing when that
# version is installed already.
set -euo pipefail

version=v1.7.12
bin="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.bench/bin"
actionlint="$bin/actionlint"

installed="$("$actionlint" -version 2>/dev/null || true)"
if [[ "${installed%%$'\n'*}" != "$version" ]]; then
  echo "Installing actionlint $version into $bin" >&2
  mkdir -p "$bin"
  GOBIN="$bin" go install "github.com/rhysd/actionlint/cmd/actionlint@$version" >&2
fi
echo "$actionlint"

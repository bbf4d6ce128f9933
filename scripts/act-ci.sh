#!/usr/bin/env bash
# Runs this repository's own .github/workflows/ci.yml job `action` (the matrix entry of this machine's kind:
# ubuntu-24.04, ubuntu-24.04-arm or macos-15; `uses: ./` and the output checks) under nektos/act, a runner this repository did not write, twice in a row against act's own
# cache server, in act's self-hosted mode (the steps run on this machine, no containers).
#
# act runs a clone of the committed HEAD (so the action's binaries land outside this checkout). Both runs share
# act's tool cache and cache server, as two jobs on one self-hosted runner do; each starts with an empty
# GOMODCACHE and GOCACHE, so the second one has to restore them from the first one's cache entries.
#
# How act runs `runs.using: node24` here: act v0.2.89 accepts node12/16/20/24 alike and runs main and post with
# whatever `node` comes first on PATH (it asks `node -e 'console.log(process.execPath)'` once per job); it has no
# node of its own in self-hosted mode. ACT_NODE=/path/to/node puts that binary's directory first on PATH.
# go.dev is out of reach from this machine, so TOOLCHAIN_SOURCE (default goproxy) is handed to the workflow as the
# repository variable vars.TOOLCHAIN_SOURCE, which ci.yml passes to the action's toolchain-source.
#
# Output, under ACT_OUT_DIR (default .act/, gitignored): each run's act log (run-N.log, its JSON lines in
# run-N.jsonl) and the step outputs act recorded (run-N.outputs.json: {"go": {"cache-hit": "none", …}}), so a
# check of the second run's cache hit is `jq -e '.go["cache-hit"] == "exact"' .act/run-2.outputs.json`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

act_version=v0.2.89
out_dir="${ACT_OUT_DIR:-$repo/.act}"
act_bin_dir="${ACT_BIN_DIR:-$repo/node_modules/.cache/act-$act_version}"
toolchain_source="${TOOLCHAIN_SOURCE:-goproxy}"

if [ ! -x "$act_bin_dir/act" ]; then
  echo "Installing act $act_version through the Go module proxy" >&2
  GOBIN="$act_bin_dir" GOTOOLCHAIN=local GOFLAGS=-modcacherw go install "github.com/nektos/act@$act_version"
fi
act="$act_bin_dir/act"

# The output checks expect the architecture of their matrix entry: run the entry of the machine this is.
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) runner=ubuntu-24.04 ;;
  Linux/aarch64) runner=ubuntu-24.04-arm ;;
  Darwin/arm64) runner=macos-15 ;;
  *)
    echo "ci.yml's action job has no matrix entry for this machine ($(uname -sm))" >&2
    exit 1
    ;;
esac

rm -rf "$out_dir"
mkdir -p "$out_dir"
work="$(mktemp -d "${TMPDIR:-/tmp}/sga-act-XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT
git clone -q --no-hardlinks "$repo" "$work/repo"

if [ -n "${ACT_NODE:-}" ]; then
  export PATH="$(dirname "$ACT_NODE"):$PATH"
fi
echo "act $("$act" --version | awk '{print $NF}') runs the action with $(command -v node) ($(node --version))" >&2

status=0
for run in 1 2; do
  # A fresh module and build cache per run, as on a fresh runner; act's tool cache and cache server persist.
  chmod -R u+w "$work/go" 2>/dev/null || true
  rm -rf "$work/go"
  mkdir -p "$work/go"
  log="$out_dir/run-$run.log"
  echo "::group::act run $run (log: $log)"
  started=$(date +%s)
  set +e
  (
    cd "$work/repo"
    GOMODCACHE="$work/go/mod" GOCACHE="$work/go/build" GOPATH="$work/go/path" \
      "$act" push \
      -W .github/workflows/ci.yml -j action \
      --matrix "runner:$runner" \
      -P "$runner=-self-hosted" \
      --var "TOOLCHAIN_SOURCE=$toolchain_source" \
      --action-cache-path "$work/act-cache" \
      --cache-server-path "$work/cache-server" \
      --cache-server-addr 127.0.0.1 --cache-server-port 0 \
      --json
  ) >"$log" 2>&1
  code=$?
  set -e
  seconds=$(($(date +%s) - started))
  # act's JSON log: one object a line; set-output records carry the step id, the output's name and its value.
  grep '^{' "$log" >"$out_dir/run-$run.jsonl" || true
  jq -s '[.[] | select(.command == "set-output")]
    | reduce .[] as $o ({}; .[$o.stepID[0]][$o.name] = $o.arg)' \
    "$out_dir/run-$run.jsonl" >"$out_dir/run-$run.outputs.json"
  job_result="$(jq -r 'select(.jobResult != null) | .jobResult' "$out_dir/run-$run.jsonl" | tail -1)"
  echo "act run $run: exit $code, job ${job_result:-without a result} in ${seconds}s; outputs of step go:"
  jq -S '.go // {} | del(.report)' "$out_dir/run-$run.outputs.json"
  echo "::endgroup::"
  if [ "$code" -ne 0 ]; then
    echo "act run $run failed (exit $code); the last lines of $log:" >&2
    jq -r '.msg // empty' "$out_dir/run-$run.jsonl" | tail -30 >&2
    tail -5 "$log" >&2
    status=1
  fi
done

# The second run has the same commit and inputs as the first, so its caches must be an exact hit, although act's
# server answers with the matched key lower-cased, and nothing may be uploaded again.
if [ "$status" -eq 0 ]; then
  if ! jq -e '.go["cache-hit"] == "exact"' "$out_dir/run-2.outputs.json" >/dev/null; then
    echo "act run 2: cache-hit is $(jq -r '.go["cache-hit"]' "$out_dir/run-2.outputs.json"), not exact" >&2
    status=1
  fi
  if grep -q 'Cache saved successfully' "$out_dir/run-2.log"; then
    echo "act run 2 uploaded a cache entry after an exact hit:" >&2
    grep 'Cache saved successfully' "$out_dir/run-2.log" >&2
    status=1
  fi
  [ "$status" -eq 0 ] && echo "act run 2: exact cache hit, nothing uploaded"
fi
exit "$status"

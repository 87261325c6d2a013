#!/usr/bin/env bash
# Makes Node 22+ and pnpm 10 available for this repo without touching global state.
# The machine's Node may be older (Node 20 is end-of-life); then Node 22 comes from the
# npm registry's `node` package into .tools/ (git-ignored). Source this file:
#   source scripts/bootstrap.sh
set -e
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo_root/.tools"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
node_minor() { node -p 'process.versions.node.split(".")[1]' 2>/dev/null || echo 0; }

if [ -x "$tools/node/node_modules/node/bin/node" ]; then
  export PATH="$tools/node/node_modules/node/bin:$PATH"
fi
if [ "$(node_major)" -lt 22 ] || { [ "$(node_major)" -eq 22 ] && [ "$(node_minor)" -lt 12 ]; }; then
  echo "bootstrap: node $(node --version 2>/dev/null || echo none) is older than 22.12; installing node@22 into .tools/node" >&2
  npm install --silent --no-audit --no-fund --prefix "$tools/node" node@22 >&2
  export PATH="$tools/node/node_modules/node/bin:$PATH"
fi
if [ -x "$tools/pnpm/node_modules/.bin/pnpm" ]; then
  export PATH="$tools/pnpm/node_modules/.bin:$PATH"
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != "10" ]; then
  echo "bootstrap: installing pnpm@10 into .tools/pnpm" >&2
  npm install --silent --no-audit --no-fund --prefix "$tools/pnpm" pnpm@10 >&2
  export PATH="$tools/pnpm/node_modules/.bin:$PATH"
fi
echo "bootstrap: node $(node --version), pnpm $(pnpm --version)" >&2
set +e

#!/usr/bin/env bash
# Runs the project's own anchor-lint (the nearest node_modules/.bin/anchor-lint from the working
# folder up, as npx finds it), so that a hook or an Action uses the version the project pins. Without
# one it runs @anchor-lint/cli from the registry, at the version of this checkout (the tag the hook
# or Action was pinned to). Used by .pre-commit-hooks.yaml and action.yml.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$PWD"
while :; do
  if [ -x "$dir/node_modules/.bin/anchor-lint" ]; then exec "$dir/node_modules/.bin/anchor-lint" "$@"; fi
  [ "$dir" = / ] && break
  dir="$(dirname "$dir")"
done
version="$(node -p 'require(process.argv[1]).version' "$here/../../packages/cli/package.json")"
exec npx --yes "@anchor-lint/cli@$version" "$@"

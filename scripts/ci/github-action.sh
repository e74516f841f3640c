#!/usr/bin/env bash
# The lint step of action.yml. Inputs arrive as INPUT_* variables (never pasted into the script, so a
# path cannot inject shell code). Always exits 0 once the CLI has run: the SARIF upload must happen even
# when there are findings; the Action's last step fails the job with the CLI's exit code.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "${INPUT_WORKING_DIRECTORY:-.}"

format="${INPUT_FORMAT:-github}"
args=()
if [ "$format" = sarif ]; then
  sarif_file="${INPUT_SARIF_FILE:-anchor-lint.sarif}"
  args+=(--format sarif --output-file "$sarif_file")
else
  args+=(--format "$format")
fi
if [ -n "${INPUT_MAX_WARNINGS:-}" ]; then args+=(--max-warnings "$INPUT_MAX_WARNINGS"); fi
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
# Paths are separated by spaces or newlines and may be quoted, as in a shell ("configs/**/*.json",
# 'my jobs/'), but nothing is expanded or run: split-paths.cjs only splits and unquotes (a backslash
# stays, as in a Windows path), and the CLI expands the globs itself.
split="$(mktemp)"
trap 'rm -f "$split"' EXIT
if ! printf '%s' "${INPUT_PATHS:-.}" | node "$here/split-paths.cjs" >"$split"; then
  echo "anchor-lint: the paths input has an unmatched quote; quote each path with a pair of \" or '." >&2
  echo "exit_code=2" >>"${GITHUB_OUTPUT:-/dev/null}"
  exit 2
fi
paths=()
while IFS= read -r -d '' path; do paths+=("$path"); done <"$split"
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi

status=0
"$here/anchor-lint.sh" "${args[@]}" -- "${paths[@]}" || status=$?

{
  echo "exit_code=$status"
  if [ "$format" = sarif ] && [ -f "$sarif_file" ]; then
    echo "sarif_file=$(cd "$(dirname "$sarif_file")" && pwd)/$(basename "$sarif_file")"
    echo "upload_sarif=${INPUT_UPLOAD_SARIF:-true}"
  else
    echo "upload_sarif=false"
  fi
} >>"${GITHUB_OUTPUT:-/dev/null}"

# 2 is a usage problem (bad option, no files, broken config): nothing to upload, fail right here.
if [ "$status" -ge 2 ]; then exit "$status"; fi
exit 0

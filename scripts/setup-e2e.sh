#!/usr/bin/env bash
# Installs what the real-editor tests under e2e/ need: Debian's Chromium, Neovim, Emacs + eglot,
# Vim + ALE, tmux (to type into the terminal editors), pre-commit (for the hook test), and
# (outside the pnpm workspace, so the lockfile is never touched) code-server and playwright-core.
# Idempotent: a second run only checks. Needs root for apt-get; network access is limited to
# Debian's packages and the npm registry.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${ANCHOR_LINT_E2E_CACHE:-$ROOT/.e2e-cache}"
CODE_SERVER_VERSION=4.100.3  # the last release that runs on Node 20
PLAYWRIGHT_VERSION=1.64.1
START=$(date +%s)

log() { printf '[setup-e2e] %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------
need=()
for pkg in chromium ripgrep libkrb5-dev neovim emacs-nox elpa-eglot vim-ale pre-commit tmux; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if ((${#need[@]})); then
  log "apt-get install ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # No recommends: emacs-nox would otherwise pull in mail and spelling tools the tests never use.
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  log "Debian packages present"
fi

# --- code-server + playwright-core in their own npm folder -----------------------------------
mkdir -p "$CACHE"
lock_hash="$(sha256sum "$ROOT/e2e/toolchain/package-lock.json" | cut -c1-12)"
marker="$CACHE/.installed-$lock_hash"
if [ -f "$marker" ] && [ -x "$CACHE/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION present in $CACHE"
else
  log "npm ci code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (e2e/toolchain/package-lock.json) into $CACHE"
  # The versions of everything below code-server are pinned by the committed lockfile.
  cp "$ROOT/e2e/toolchain/package.json" "$ROOT/e2e/toolchain/package-lock.json" "$CACHE/"
  tmp="$(mktemp -d)"
  # @vscode/ripgrep's postinstall downloads rg from GitHub; hand it Debian's binary as the
  # "cached download" it looks for instead.
  mkdir -p "$tmp/vscode-ripgrep-cache-1.15.11"
  tar -czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  # yes: node-pty's postinstall runs `npx node-gyp`, which aborts without a terminal.
  # unsafe_perm: install scripts must run as root. nodedir: build against the local Node headers.
  ( cd "$CACHE" &&
    TMPDIR="$tmp" npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir=/usr \
      npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
      npm ci --loglevel=error )
  rm -rf "$tmp"
  "$CACHE/node_modules/.bin/code-server" --version >/dev/null
  rm -f "$CACHE"/.installed-*
  touch "$marker"
fi

log "done in $(( $(date +%s) - START )) s (cache: $CACHE)"

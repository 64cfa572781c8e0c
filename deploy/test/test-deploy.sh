#!/usr/bin/env bash
# `npm run test:deploy`: builds the real Containerfile with buildah (chroot
# isolation; Docker cannot run here) on a locally made stand-in for its base
# image, runs the image's entrypoint against the machine's PostgreSQL and an
# SMTP server, and checks compose.yaml's structure. Needs root (buildah) and
# PostgreSQL on 127.0.0.1:5432 (TEST_DATABASE_URL). Prints the image size, the
# time from RUN start to ready, and idle RSS. Caches: the stand-in base and
# buildah's layers stay between runs (`buildah rmi --all` to start over).
# Cost on the shared 2-vCPU CI machine: about 40 s when nothing the image is
# built from changed, about 3-4 min when the app changed (next build again),
# about 6 min on a machine that has never run it (debootstrap, both npm ci).
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE="localhost/iop-intake:deploy-test"
BASE_IMAGE="$(sed -n 's/^ARG BASE_IMAGE=//p' Containerfile | head -n 1)"
log() { printf '[test:deploy] %s\n' "$*"; }
started=$SECONDS

if [ "$(id -u)" != 0 ]; then
  echo "test:deploy needs root (buildah with chroot isolation)" >&2
  exit 1
fi
if ! command -v buildah >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  log "installing buildah and debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends buildah debootstrap >/dev/null
fi

log "compose.yaml structure"
npx jest --selectProjects unit --testPathPatterns '__tests__/unit/deploy/' --silent

t=$SECONDS
deploy/test/build-standin-base.sh "$BASE_IMAGE"
log "stand-in base ready in $((SECONDS - t)) s"

t=$SECONDS
# Docker image format: the OCI format has no HEALTHCHECK.
log "buildah bud (cached layers are reused)"
buildah bud --quiet --format docker --isolation chroot --network host --layers -f Containerfile -t "$IMAGE" . >/dev/null
log "image built in $((SECONDS - t)) s"

npx tsx deploy/test/run-image-checks.ts "$IMAGE"
log "passed in $((SECONDS - started)) s"

#!/usr/bin/env bash
# Builds the real Dockerfile without a Docker engine and checks the image:
# buildah (chroot isolation, vfs storage) builds it; the build stage's base
# image, golang:1.26-bookworm, is stood in for by a local image made of this
# machine's Go toolchain and busybox-static, tagged exactly as the
# Dockerfile's FROM, so the Dockerfile stays the one users build. Then it runs
# `crier version` and `crier validate` on examples/container.yaml inside the
# image, and checks its size and that it runs as non-root.
#
# Size: the image must stay under 30 MB unpacked (CRIER_IMAGE_MAX_MB
# overrides); the check prints what a registry stores (gzip) too.
set -euo pipefail
cd "$(dirname "$0")/.."

export STORAGE_DRIVER=vfs BUILDAH_ISOLATION=chroot

# run_in runs a command in a container, once more after a failure: buildah's
# chroot isolation re-executes itself from a sealed memfd copy, and sealing
# fails now and then with EBUSY ("Close_Fd sealing memfd copy: Device or
# resource busy") on a busy machine. A command that really fails fails twice.
run_in() {
  buildah run "$@" || { echo "container-check: buildah run failed; once more" >&2; sleep 2; buildah run "$@"; }
}
max_bytes=$(( ${CRIER_IMAGE_MAX_MB:-30} * 1000 * 1000 ))
image=localhost/crier:check

need() { command -v "$1" >/dev/null 2>&1; }
# The stand-in's shell: Debian's busybox-static (the busybox package is
# linked against libc, which the empty stand-in lacks).
static_busybox() { need busybox && ! ldd "$(command -v busybox)" >/dev/null 2>&1; }
if ! need buildah || ! static_busybox; then
  if [ "$(id -u)" != 0 ]; then
    echo "container-check: needs buildah and busybox-static (apt-get install buildah busybox-static)" >&2
    exit 1
  fi
  echo "container-check: installing buildah and busybox-static" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah busybox-static >/dev/null
fi

# Working containers are removed however the script ends; earlier builds'
# images, untagged by this one, too.
containers=()
cleanup() {
  for c in "${containers[@]}"; do buildah rm "$c" >/dev/null 2>&1 || true; done
  buildah rmi --prune >/dev/null 2>&1 || true
}
trap cleanup EXIT

base=$(awk 'toupper($1) == "FROM" && tolower($3) == "as" && tolower($4) == "build" { print $2; exit }' Dockerfile)
if [ -z "$base" ]; then
  echo "container-check: no 'FROM ... AS build' line in the Dockerfile" >&2
  exit 1
fi
goroot=$(go env GOROOT)
want_go="go$(echo "$base" | sed -E 's/^golang:([0-9]+\.[0-9]+).*/\1/')"
if ! go version | grep -q " $want_go"; then
  echo "container-check: the Dockerfile builds with $base but this machine has $(go version)" >&2
  exit 1
fi

# The stand-in for golang:X-bookworm: Go at /usr/local/go, a shell and
# coreutils from busybox, CA certificates, HOME and PATH as the official
# image sets them. It is rebuilt when this machine's Go changes.
stamp=$(go version | tr -c 'A-Za-z0-9._-' '_')
if [ "$(buildah inspect --type image --format '{{index .ImageAnnotations "crier.go"}}' "docker.io/library/$base" 2>/dev/null)" != "$stamp" ]; then
  buildah rmi -f "docker.io/library/$base" >/dev/null 2>&1 || true
  echo "container-check: building a stand-in for $base from $goroot" >&2
  ctr=$(buildah from scratch)
  containers+=("$ctr")
  mnt=$(buildah mount "$ctr")
  mkdir -p "$mnt/usr/local" "$mnt/bin" "$mnt/etc/ssl/certs" "$mnt/tmp" "$mnt/root" "$mnt/go"
  cp -a "$goroot" "$mnt/usr/local/go"
  cp /bin/busybox "$mnt/bin/busybox"
  cp /etc/ssl/certs/ca-certificates.crt "$mnt/etc/ssl/certs/"
  chmod 1777 "$mnt/tmp"
  buildah umount "$ctr" >/dev/null
  run_in "$ctr" -- /bin/busybox --install -s /bin
  buildah config --env PATH=/go/bin:/usr/local/go/bin:/bin --env GOPATH=/go --env HOME=/root \
    --env GOTOOLCHAIN=local --workingdir /go --annotation "crier.go=$stamp" "$ctr"
  buildah commit --quiet "$ctr" "docker.io/library/$base" >/dev/null
fi

echo "container-check: building the image from the Dockerfile" >&2
# The host's module cache serves the build stage's downloads; nothing else
# differs from `docker build .`.
gomodcache=$(go env GOMODCACHE)
buildah bud --quiet --format docker --pull=never --layers=false \
  --volume "$gomodcache:/go/pkg/mod" \
  --build-arg VERSION="check-$(git rev-parse --short HEAD 2>/dev/null || echo dev)" \
  -t "$image" . >/dev/null

ctr=$(buildah from "$image")
containers+=("$ctr")
mnt=$(buildah mount "$ctr")
size=$(du -sb "$mnt" | cut -f1)
packed=$(tar -C "$mnt" -cf - . | gzip -9 | wc -c)
buildah umount "$ctr" >/dev/null
echo "container-check: image size $size bytes unpacked, $packed gzipped"
if [ "$size" -ge "$max_bytes" ]; then
  echo "container-check: the image is $size bytes, over $max_bytes" >&2
  exit 1
fi

user=$(buildah inspect --type image --format '{{.Docker.Config.User}}' "$image")
case "$user" in
  ""|0|0:*|root|root:*) echo "container-check: the image runs as root ($user)" >&2; exit 1 ;;
esac
for field in Healthcheck ExposedPorts Entrypoint Cmd; do
  v=$(buildah inspect --type image --format "{{.Docker.Config.$field}}" "$image")
  if [ -z "$v" ] || [ "$v" = "<nil>" ] || [ "$v" = "[]" ] || [ "$v" = "map[]" ]; then
    echo "container-check: the image has no $field" >&2
    exit 1
  fi
done

run_in "$ctr" -- crier version
buildah copy --quiet --chown 65532:65532 "$ctr" examples/container.yaml /etc/crier/crier.yaml >/dev/null
buildah config --env CRIER_TELEGRAM_TOKEN=123456:container-check-token --env CRIER_MASTODON_TOKEN=container-check "$ctr"
out=$(run_in "$ctr" -- crier validate --config /etc/crier/crier.yaml)
echo "$out"
if echo "$out" | grep -q "container-check-token"; then
  echo "container-check: validate printed a secret" >&2
  exit 1
fi
echo "container-check: OK (runs as user $user, $size bytes unpacked, $packed gzipped)"

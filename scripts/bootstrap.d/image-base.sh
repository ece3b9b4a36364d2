#!/usr/bin/env bash
# Makes the Node 24 base image the build-image tests and bench/image build on (no public registry
# is reachable here, so gcr.io/distroless/nodejs24-debian12 cannot be pulled): the Node 24 binary of
# the `node` npm package (node_modules/node), stripped, with the host's shared libraries it and
# ONNX Runtime need (ldd), /etc/passwd with nonroot (65532) and a /tmp, imported with buildah from
# scratch (vfs storage in a temp dir, chroot isolation) and saved as an OCI layout:
#
#   .cache/images/node24-base   (oci layout, tag "24"; ENTRYPOINT ["/nodejs/bin/node"] like distroless)
#
# test/harness/images.ts copies it into each test's registry with skopeo. Needs buildah, skopeo and
# binutils (apt-packages.txt). Skipped when the stamp (node version + this script's hash) matches.
set -euo pipefail

OUT=.cache/images/node24-base
NODE_BIN="$(readlink -f node_modules/node/bin/node)"
STAMP="$("$NODE_BIN" --version) $(sha256sum "$0" | cut -c1-16) $(uname -m)"
if [[ -f "$OUT/stamp" && "$(cat "$OUT/stamp")" == "$STAMP" ]]; then
  exit 0
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ml-deploy-node-base.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"
mkdir -p "$ROOTFS/nodejs/bin" "$ROOTFS/etc" "$ROOTFS/tmp" "$ROOTFS/home/nonroot"
chmod 1777 "$ROOTFS/tmp"
strip --strip-debug -o "$ROOTFS/nodejs/bin/node" "$NODE_BIN"

# Shared libraries: Node's, plus what ONNX Runtime's binding and library load (libstdc++, librt...).
ORT_DIR="packages/serving/dist/x64"
case "$(uname -m)" in aarch64) ORT_DIR="packages/serving/dist/arm64" ;; esac
libs() { ldd "$@" | awk '/=> \//{print $3} /^[[:space:]]*\/lib/{print $1}' | grep -v "$PWD" | sort -u; }
for lib in $(libs "$NODE_BIN" "$ORT_DIR/onnxruntime_binding.node" "$ORT_DIR/libonnxruntime.so.1"); do
  real="$(readlink -f "$lib")"
  mkdir -p "$ROOTFS$(dirname "$lib")"
  cp "$real" "$ROOTFS$lib"
done
# The loader is found at its canonical path (/lib64/ld-linux-x86-64.so.2 on x64).
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$ROOTFS/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\nnobody:x:65534:\n' >"$ROOTFS/etc/group"
chown -R 0:0 "$ROOTFS"
chown 65532:65532 "$ROOTFS/home/nonroot"
find "$ROOTFS" -exec touch -h -d @0 {} +

export STORAGE_DRIVER=vfs BUILDAH_ISOLATION=chroot
STORE=(--root "$WORK/storage" --runroot "$WORK/run" --storage-driver vfs)
ctr="$(buildah "${STORE[@]}" from scratch)"
buildah "${STORE[@]}" copy "$ctr" "$ROOTFS/" / >/dev/null
buildah "${STORE[@]}" config --entrypoint '["/nodejs/bin/node"]' --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --user 65532:65532 --workingdir /home/nonroot --os linux --arch "$(buildah "${STORE[@]}" info --format '{{.host.arch}}')" \
  --label org.opencontainers.image.description="ml-deploy test base: Node $("$NODE_BIN" --version) from the node npm package + host libraries" "$ctr"
rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
buildah "${STORE[@]}" commit --timestamp 0 --rm "$ctr" "oci:$OUT:24" >/dev/null
echo "$STAMP" >"$OUT/stamp"
echo "made $OUT ($STAMP)"

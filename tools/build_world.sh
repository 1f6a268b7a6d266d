#!/usr/bin/env bash
# tools/build_world.sh — builds the world basemap (data/world: world.gpkg, landmask_30s.tif,
# relief_5m.tif) from the installed Debian packages with tools/world_builder, unless data/world/STAMP
# shows it was built from the same package versions by the same builder. tools/setup.sh runs it
# after building; anyone can rerun it (delete data/world/STAMP to force a rebuild).
#
#   tools/build_world.sh BUILD_DIR [OUT_DIR]      (OUT_DIR default: data/world)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:?usage: tools/build_world.sh BUILD_DIR [OUT_DIR]}"
out="${2:-$here/data/world}"
builder="$build_dir/tools/world_builder"
[ -x "$builder" ] || { echo "build_world: $builder not built" >&2; exit 1; }

# Packages whose data goes in (GMT reads GSHHG; gmt-common holds its coarser resolutions).
packages=(gmt gmt-common gmt-gshhg-full gmt-gshhg-high libmagics++-data ferret-datasets)
stamp="$(
  for p in "${packages[@]}"; do dpkg-query -W -f='${Package} ${Version}\n' "$p" 2>/dev/null || echo "$p missing"; done
  cd "$here" && sha256sum tools/world_builder.cpp tools/build_world.sh geo/world_tiles.cpp geo/world_tiles.hpp
)"
if [ -f "$out/STAMP" ] && [ "$(cat "$out/STAMP")" = "$stamp" ] &&
   [ -f "$out/world.gpkg" ] && [ -f "$out/landmask_30s.tif" ] && [ -f "$out/relief_5m.tif" ]; then
  echo "World basemap up to date in $out"
  exit 0
fi
echo "Building the world basemap in $out (a few minutes; done once)"
rm -f "$out/STAMP"
# GMT writes gmt.history (its session's common arguments; --GMT_HISTORY=false does not stop it)
# into GMT_TMPDIR when that is set, else into the current folder, which in a clone dirties the
# work tree. Give it a folder of its own, run the builder from there too, and remove it after.
builder="$(realpath "$builder")"
mkdir -p "$out"
out="$(realpath "$out")"
gmt_tmp="$(mktemp -d "${TMPDIR:-/tmp}/textatlas-world.XXXXXX")"
trap 'rm -rf "$gmt_tmp"' EXIT
(cd "$gmt_tmp" && GMT_TMPDIR="$gmt_tmp" "$builder" "$out")
echo "$stamp" > "$out/STAMP"

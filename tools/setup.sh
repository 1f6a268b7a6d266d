#!/usr/bin/env bash
# Text Atlas setup: install the Debian packages that are missing, build, then
#   tools/setup.sh run   [FILE]  open the viewer on FILE (default: the bundled article); with no display,
#                                render the map headless to a PNG and list the places found
#   tools/setup.sh test          run the whole test suite (ctest), then the same suite built with
#                                AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
#                                (TEXTATLAS_SKIP_SANITIZERS=1 skips that second pass)
#   tools/setup.sh build         only install and build
# Works as root or as a user with sudo. Build folder: $TEXTATLAS_BUILD_DIR (default: build/).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${TEXTATLAS_BUILD_DIR:-$here/build}"
mode="${1:-run}"
shift || true

packages=(
  build-essential cmake ninja-build pkg-config python3
  libimgui-dev libglfw3-dev libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri libglx-mesa0
  libproj-dev proj-data libgdal-dev libgeos-dev zlib1g-dev nlohmann-json3-dev libstb-dev
  libgtest-dev libbenchmark-dev libjemalloc-dev fonts-dejavu-core xvfb xauth
  libmagics++-data
  # The world basemap's sources (tools/build_world.sh): GSHHG coasts, lakes and rivers through GMT,
  # Natural Earth 10m borders and rivers (libmagics++-data), ETOPO5 relief.
  gmt gmt-gshhg-full gmt-gshhg-high ferret-datasets
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Data-only Debian packages whose dependencies are not wanted (qgis-common would pull in Qt) are
# unpacked into a cache folder instead of being installed. Prints the folder, or nothing if the
# package cannot be fetched (the build then goes on without what it provides).
deb_cache="${XDG_CACHE_HOME:-$HOME/.cache}/textatlas/debs"
unpack_deb() {
  local dir="$deb_cache/$1"
  if [ ! -d "$dir/usr" ]; then
    mkdir -p "$deb_cache/download"
    if ! (cd "$deb_cache/download" && rm -f ./*.deb && apt-get download -qq "$1" >/dev/null 2>&1 &&
          dpkg -x "$1"_*.deb "$dir.tmp" && mv "$dir.tmp" "$dir"); then
      rm -rf "$dir.tmp"
      echo "warning: could not fetch the Debian package $1" >&2
      return 0
    fi
  fi
  echo "$dir"
}

build() {
  # world_map.gpkg (countries, admin-1 regions) for the gazetteer's place shapes.
  local qgis world_map=""
  qgis="$(unpack_deb qgis-common)"
  [ -n "$qgis" ] && world_map="$qgis/usr/share/qgis/resources/data/world_map.gpkg"
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTEXTATLAS_WORLD_MAP="$world_map" >/dev/null
  cmake --build "$build_dir" -j"$(nproc)"
  # The world basemap, built from the packages once and kept (skipped while its inputs are unchanged).
  "$here/tools/build_world.sh" "$build_dir"
}

install_missing
build

case "$mode" in
  run)
    exec "$build_dir/app/textatlas" "$@"
    ;;
  test)
    run_ctest() {
      # Render tests use EGL surfaceless (no X needed); UI tests want a display, so give them Xvfb.
      if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
        xvfb-run -a -s "-screen 0 1280x800x24" ctest --output-on-failure -j"$(nproc)" "$@"
      else
        ctest --output-on-failure -j"$(nproc)" "$@"
      fi
    }
    (cd "$build_dir" && run_ctest "$@")
    [ "${TEXTATLAS_SKIP_SANITIZERS:-0}" = 1 ] && exit 0
    # The same suite under AddressSanitizer and UndefinedBehaviorSanitizer (docs/robustness.md).
    asan_dir="${TEXTATLAS_ASAN_BUILD_DIR:-$here/build-asan}"
    echo "Building and testing with -DTEXTATLAS_SANITIZE=ON in $asan_dir"
    cmake -S "$here" -B "$asan_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTEXTATLAS_SANITIZE=ON \
      -DTEXTATLAS_BUILD_BENCH=OFF >/dev/null
    cmake --build "$asan_dir" -j"$(nproc)"
    # Mesa unloads its llvmpipe driver before LeakSanitizer scans memory at exit, so the driver's own
    # one-time allocations would read as leaks; preloading it keeps it mapped and them reachable.
    swrast="$(ls /usr/lib/*/dri/swrast_dri.so 2>/dev/null | head -n1 || true)"
    (
      cd "$asan_dir"
      [ -n "$swrast" ] && export LD_PRELOAD="$swrast"
      export ASAN_OPTIONS=verify_asan_link_order=0
      run_ctest "$@"
    )
    ;;
  build)
    echo "Built $build_dir/app/textatlas"
    ;;
  *)
    echo "usage: tools/setup.sh run [FILE] | test | build" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# bench/render_vs_gmt.sh — end-to-end time of `textatlas render` against GMT 6 making the same
# map: the Kabul–Panjshir view (68–71°E around 35°N) as a 1500 × 1500 PNG with hillshaded terrain
# from data/dem, rivers, borders and the places of the seed article as markers.
#
#   bench/render_vs_gmt.sh [BUILD_DIR] [RUNS]     (defaults: build-export, 5)
#
# Needs GMT 6 with the GSHHG high-resolution coast data and Ghostscript for GMT's PNG output
# (Debian: apt-get install gmt gmt-gshhg-high ghostscript) and python3 (for the view's bounds and the marker file). Each tool runs RUNS times after one
# warm-up run; the medians of wall-clock and CPU (user + system) time are reported. Writes its
# section of docs/benchmarks.md (between the render_vs_gmt markers, replacing an older one) and
# leaves the two pictures in $OUT_DIR (default: a temporary folder) for a look.
#
# What each side does: textatlas reads the text, loads the gazetteer, finds the places, loads the
# basemap (DEM, 7 vector layers, towns), renders on OpenGL (llvmpipe here) and writes the PNG.
# One more textatlas run with TEXTATLAS_TIMINGS=1 gives the time of each of its stages.
# GMT gets the markers ready-made (from `textatlas extract`, not timed) and runs grdimage -I+d on
# the same DEM, coast (rivers and borders from GSHHG/WDBII high), plot and text, then psconvert.
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build-export}
RUNS=${2:-5}
TEXTATLAS=$BUILD_DIR/app/textatlas
SEED=data/texts/panjshir-valley.txt
# The DEM both draw: a user's DEM (the shared reference data's DTED0 GeoTIFF unless DEM is set),
# given to textatlas with --dem.
DEM=${DEM:-${TEXTATLAS_SHARED_DATA:-/work/shared/data}/afghanistan_dem_dted0_30arcsec.tif}
[ -f "$DEM" ] || { echo "render_vs_gmt: no DEM at $DEM (set DEM=PATH)" >&2; exit 1; }
OUT_DIR=${OUT_DIR:-$(mktemp -d -t textatlas-vs-gmt-XXXXXX)}
SIZE=1500
LON_WEST=68
LON_EAST=71
LAT_CENTRE=35

for tool in "$TEXTATLAS" gmt gs python3 /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "render_vs_gmt: $tool not found" >&2; exit 1; }
done

# The Web Mercator view that puts 68–71°E across 1500 px, centred on 35°N; GMT draws the same
# lon/lat box (spherical Mercator, so the two pictures have the same shape).
read -r ZOOM LAT_SOUTH LAT_NORTH < <(python3 - "$SIZE" "$LON_WEST" "$LON_EAST" "$LAT_CENTRE" <<'EOF'
import math, sys
size, west, east, centre = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
world_px = size * 360.0 / (east - west)
zoom = math.log2(world_px / 256.0)
y = math.log(math.tan(math.pi / 4 + math.radians(centre) / 2))   # in radians of the sphere
half = (size / 2.0) / world_px * 2 * math.pi
lat = lambda v: math.degrees(math.atan(math.sinh(v)))
print(f"{zoom:.6f} {lat(y - half):.6f} {lat(y + half):.6f}")
EOF
)
REGION="$LON_WEST/$LON_EAST/$LAT_SOUTH/$LAT_NORTH"
# Worked out here, not in the timed runs (a Python start, 0.03–0.3 s, was counted as textatlas's).
LON_CENTRE=$(awk -v w="$LON_WEST" -v e="$LON_EAST" 'BEGIN {print (w + e) / 2}')

# Markers (and labels) for GMT, the same places and sizes textatlas draws: radius 6 + 2·√(n − 1) px.
"$TEXTATLAS" extract "$SEED" | python3 -c '
import json, math, sys
doc = json.load(sys.stdin)
with open(sys.argv[1], "w") as markers, open(sys.argv[2], "w") as labels:
    for p in doc["places"]:
        r_px = 6 + 2 * math.sqrt(max(len(p["mentions"]) - 1, 0))
        markers.write("%s %s %.4fi\n" % (p["lon"], p["lat"], 2 * r_px / 300))
        labels.write("%s %s %s\n" % (p["lon"], p["lat"], p["name"]))
' "$OUT_DIR/markers.txt" "$OUT_DIR/labels.txt"

textatlas_once() {
    "$TEXTATLAS" render "$SEED" --out "$OUT_DIR/textatlas.png" --size ${SIZE}x${SIZE} \
        --center "$LAT_CENTRE,$LON_CENTRE" --zoom "$ZOOM" --dem "$DEM" > /dev/null
}

gmt_once() {
    (
        cd "$OUT_DIR"
        export GMT_SESSION_NAME=textatlas-bench-$$
        # 5 inches at 300 dpi = 1500 px; no frame, so the PNG is the map alone.
        gmt begin gmt png E300,A
        gmt set PROJ_ELLIPSOID Sphere MAP_FRAME_TYPE plain
        gmt grdimage "$OLDPWD/$DEM" -R"$REGION" -JM5i -I+d -Cdem2
        gmt coast -Dh -Ir/0.75p,30/110/200 -N1/1.2p,70/55/90 -W0.5p,70/55/90
        gmt plot markers.txt -Sc -G215/48/31 -W1p,white
        gmt text labels.txt -F+f9p,Helvetica,black+jML -D0.12i/0 -Gwhite@30
        gmt end
    ) > /dev/null 2>&1
}

# Median of wall and CPU seconds over RUNS runs of a function, after one warm-up run.
measure() {
    local fn=$1
    "$fn"
    local walls=() cpus=()
    for _ in $(seq "$RUNS"); do
        local t
        t=$( { /usr/bin/time -f "%e %U %S" bash -c "$(declare -f "$fn"); $(declare -p TEXTATLAS SEED OUT_DIR SIZE LAT_CENTRE LON_CENTRE LON_WEST LON_EAST ZOOM DEM REGION); $fn" ; } 2>&1 | tail -1)
        walls+=("$(awk '{print $1}' <<< "$t")")
        cpus+=("$(awk '{print $2 + $3}' <<< "$t")")
    done
    printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.2f ", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
    printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.2f\n", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
read -r TA_WALL TA_CPU < <(measure textatlas_once)
read -r GMT_WALL GMT_CPU < <(measure gmt_once)
# Stage by stage (one run; CPU counts all threads, so work overlapped on a second thread shows in
# the stage it ran beside).
STAGES=$(TEXTATLAS_TIMINGS=1 "$TEXTATLAS" render "$SEED" --out "$OUT_DIR/textatlas.png" --size ${SIZE}x${SIZE} \
    --center "$LAT_CENTRE,$LON_CENTRE" --zoom "$ZOOM" --dem "$DEM" 2>&1 >/dev/null |
    sed -n 's/^textatlas timing: \(.*[^ ]\) *wall *\([0-9.]*\) s *cpu *\([0-9.]*\) s *rss *\([0-9.]*\) MB$/| \1 | \2 | \3 | \4 |/p')
TA_PNG_BYTES=$(stat -c %s "$OUT_DIR/textatlas.png")
GMT_PNG_BYTES=$(stat -c %s "$OUT_DIR/gmt.png")
TA_EXTRACT=$( { /usr/bin/time -f "%U %S" "$TEXTATLAS" extract "$SEED" > /dev/null; } 2>&1 | awk '{print $1 + $2}')
RATIO_WALL=$(awk -v g="$GMT_WALL" -v t="$TA_WALL" 'BEGIN {printf "%.2f", g / t}')
RATIO_CPU=$(awk -v g="$GMT_CPU" -v t="$TA_CPU" 'BEGIN {printf "%.2f", g / t}')
PNG_SIZE=$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$OUT_DIR/textatlas.png")
GMT_SIZE=$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$OUT_DIR/gmt.png")

CPU_MODEL=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
CORES=$(nproc)
LOAD="$LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after"
MESA=$(dpkg-query -W -f='${Version}' libgl1-mesa-dri 2>/dev/null || echo "?")
GL="OpenGL: Mesa $MESA llvmpipe (software rendering on the CPU, no GPU)"
GMT_VERSION=$(gmt --version)
DATE=$(date -u +%Y-%m-%d)

SECTION=$(cat <<EOF
<!-- render_vs_gmt:begin (written by bench/render_vs_gmt.sh) -->
## Print map: \`textatlas render\` against GMT $GMT_VERSION

The Kabul–Panjshir view, ${LON_WEST}–${LON_EAST}°E × $(printf '%.2f' "$LAT_SOUTH")–$(printf '%.2f' "$LAT_NORTH")°N (Web Mercator,
zoom $ZOOM), as a PNG: hillshaded terrain from \`$(basename "$DEM")\`, rivers, borders and the
seed article's places as markers. Median of $RUNS runs after a warm-up, measured $DATE.

| | wall s | CPU s (user + sys) | picture |
|---|---:|---:|---|
| \`textatlas render\` (text → places → map → PNG) | $TA_WALL | $TA_CPU | $PNG_SIZE, $TA_PNG_BYTES bytes |
| GMT: \`grdimage -I+d\`, \`coast\`, \`plot\`, \`text\`, \`psconvert\` | $GMT_WALL | $GMT_CPU | $GMT_SIZE, $GMT_PNG_BYTES bytes |
| **GMT ÷ textatlas** | **$RATIO_WALL×** | **$RATIO_CPU×** | |

Of textatlas's CPU time, reading the text, loading the gazetteer and finding the places
(\`textatlas extract\` alone) takes $TA_EXTRACT s. Its stages in one more run
(\`TEXTATLAS_TIMINGS=1\`; CPU counts all threads: the GL context is made while the gazetteer
loads and the places are found on a second thread and the basemap is read on a third, so their
CPU time shows in the stages they ran beside):

| stage | wall s | CPU s | resident MB after |
|---|---:|---:|---:|
$STAGES

Machine: $CORES cores, $CPU_MODEL, $GL; load average $LOAD measuring
(other builds share the machine, so wall times are noisier than CPU times).
<!-- render_vs_gmt:end -->
EOF
)

DOC=docs/benchmarks.md
[ -f "$DOC" ] || printf '# Benchmarks\n\nFigures measured by the scripts in bench/ on the machine they name.\n' > "$DOC"
python3 - "$DOC" "$SECTION" <<'EOF'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
pattern = re.compile(r"<!-- render_vs_gmt:begin.*?<!-- render_vs_gmt:end -->", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path + ".tmp", "w").write(text)
EOF
mv "$DOC.tmp" "$DOC"
echo "$SECTION"
echo "pictures: $OUT_DIR/textatlas.png $OUT_DIR/gmt.png"

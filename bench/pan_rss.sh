#!/usr/bin/env bash
# bench/pan_rss.sh — the real viewer's peak resident memory (VmHWM) while a user pans across three
# continents at regional zoom, under Xvfb at 1920 × 1080, driven by xdotool: from the bundled
# article's map (Afghanistan) it zooms out a little, then drags in long strokes that carry the view
# east round the world (Asia, the Pacific, the Americas, the Atlantic, Africa) and back, so world
# tiles of many regions are loaded and evicted.
# Prints the peak and the frame statistics. Needs xvfb and xdotool.
#
#   bench/pan_rss.sh [BUILD_DIR] [STROKES]      (default: build, 24 strokes of 1200 px)
set -u
cd "$(dirname "$0")/.."
BIN=${1:-build}/app/textatlas
STROKES=${2:-24}
for tool in Xvfb xdotool "$BIN"; do
    command -v "$tool" > /dev/null || { echo "pan_rss: $tool not found" >&2; exit 1; }
done
DISPLAY_NUMBER=95
while [ -e "/tmp/.X$DISPLAY_NUMBER-lock" ]; do DISPLAY_NUMBER=$((DISPLAY_NUMBER + 1)); done
export DISPLAY=:$DISPLAY_NUMBER
Xvfb "$DISPLAY" -screen 0 1920x1080x24 > /dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2> /dev/null' EXIT
sleep 1
STATS=$(mktemp)
TEXTATLAS_FRAME_STATS=1 "$BIN" 2> "$STATS" &
VIEWER=$!
for _ in $(seq 1 60); do
    WINDOW=$(xdotool search --name "Text Atlas" 2> /dev/null | head -1)
    [ -n "$WINDOW" ] && break
    sleep 0.5
done
[ -n "${WINDOW:-}" ] || { echo "pan_rss: no window appeared" >&2; kill $VIEWER; exit 1; }
sleep 3
xdotool windowmove "$WINDOW" 0 0 windowsize "$WINDOW" 1920 1080
sleep 1
xdotool mousemove 1300 540
# Out a little from the article's fit: strokes of 1200 px then cross tens of degrees each.
wheel=()
for _ in $(seq 1 3); do wheel+=(click 5 sleep 0.3); done
xdotool "${wheel[@]}"
sleep 2
peak() { grep VmHWM "/proc/$VIEWER/status" | awk '{print $2}'; }
stroke() {  # $1: +1 drags east (the map moves west), -1 back
    local drag=(mousemove 1500 540 mousedown 1)
    for _ in $(seq 1 40); do drag+=(mousemove_relative -- $((-30 * $1)) 0 sleep 0.02); done
    xdotool "${drag[@]}" mouseup 1
    sleep 1.5  # the tiles of the new view arrive
}
for _ in $(seq 1 "$STROKES"); do stroke 1; done
for _ in $(seq 1 "$STROKES"); do stroke -1; done
echo "peak resident memory while panning: $(( $(peak) / 1024 )) MiB"
xdotool keydown ctrl keydown q; sleep 0.3; xdotool keyup q keyup ctrl
for _ in $(seq 1 20); do kill -0 $VIEWER 2> /dev/null || break; sleep 0.5; done
kill $VIEWER 2> /dev/null
grep "textatlas frames" "$STATS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$STATS"

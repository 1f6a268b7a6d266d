#!/usr/bin/env bash
# bench/viewer_fps.sh — the real viewer's frame times at 1920 × 1080 under Xvfb (Mesa llvmpipe),
# driven by xdotool like a user: 2 s hovering over the map, a 2 s drag (6 px and 3 px a frame, out
# and back), 6 wheel steps in and 6 out, then Ctrl+Q. TEXTATLAS_FRAME_STATS makes the viewer print
# each kind of frame's median and 95th-percentile time (from the start of the frame's work to the
# swap) when it closes. Needs xvfb and xdotool (apt-get install xvfb xdotool).
#
#   bench/viewer_fps.sh [BUILD_DIR]      (default: build)
set -u
cd "$(dirname "$0")/.."
BIN=${1:-build}/app/textatlas
for tool in Xvfb xdotool "$BIN"; do
    command -v "$tool" > /dev/null || { echo "viewer_fps: $tool not found" >&2; exit 1; }
done
# A display number no other X server holds.
DISPLAY_NUMBER=93
while [ -e "/tmp/.X$DISPLAY_NUMBER-lock" ]; do DISPLAY_NUMBER=$((DISPLAY_NUMBER + 1)); done
export DISPLAY=:$DISPLAY_NUMBER
Xvfb "$DISPLAY" -screen 0 1920x1080x24 > /dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2> /dev/null' EXIT
sleep 1
STATS=$(mktemp)
TEXTATLAS_FRAME_STATS=1 "$BIN" 2> "$STATS" &
VIEWER=$!
# Wait for the window (loading takes a few seconds), then fill the screen with it.
for _ in $(seq 1 60); do
    WINDOW=$(xdotool search --name "Text Atlas" 2> /dev/null | head -1)
    [ -n "$WINDOW" ] && break
    sleep 0.5
done
[ -n "${WINDOW:-}" ] || { echo "viewer_fps: no window appeared" >&2; kill $VIEWER; exit 1; }
sleep 3
xdotool windowmove "$WINDOW" 0 0 windowsize "$WINDOW" 1920 1080
sleep 1
xdotool mousemove 1200 500
sleep 2
# One xdotool process runs each gesture (a process per step would take CPU from the viewer).
drag=(mousedown 1)
for _ in $(seq 1 60); do drag+=(mousemove_relative -- 6 3 sleep 0.016); done
for _ in $(seq 1 60); do drag+=(mousemove_relative -- -6 -3 sleep 0.016); done
xdotool "${drag[@]}" mouseup 1
sleep 2
wheel=()
for _ in $(seq 1 6); do wheel+=(click 4 sleep 0.15); done
wheel+=(sleep 1)
for _ in $(seq 1 6); do wheel+=(click 5 sleep 0.15); done
xdotool "${wheel[@]}"
sleep 2
# Held for a while: Dear ImGui 1.86 sees only keys that are down when a frame starts.
xdotool keydown ctrl keydown q; sleep 0.3; xdotool keyup q keyup ctrl
# The statistics are printed when the viewer closes by itself; give it a few seconds.
for _ in $(seq 1 20); do kill -0 $VIEWER 2> /dev/null || break; sleep 0.5; done
kill $VIEWER 2> /dev/null && echo "viewer_fps: the viewer did not quit on Ctrl+Q" >&2
grep "textatlas frames" "$STATS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$STATS"

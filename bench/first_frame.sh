#!/usr/bin/env bash
# bench/first_frame.sh — how long the real viewer takes to show a text's first complete map, and its
# frame times while panning, at 1920 × 1080 under Xvfb (Mesa llvmpipe); then `textatlas render` of
# the same text at the same size (wall and CPU time, peak resident memory from /usr/bin/time -v).
# docs/benchmarks.md, "First frame and panning on the world basemap".
#
# The viewer draws the map as its world tiles arrive (they are read on a worker thread), so the
# first complete frame is found from the outside, the same way for any build: Xvfb keeps its screen
# in a file (-fbdir) and the script reads it every 50 ms, timing from the moment it starts the
# program:
#   window    the window appeared (it is moved to 0,0 and sized 1920 × 1080 at once, before any map)
#   loaded    the viewer's first frame: the side panel (x < 420) is no longer the plain grey of the
#             progress screen (while the gazetteer, basemap and text load, the window shows only a
#             progress box on grey)
#   complete  the map's (x 460–1900) last change before it stays still for 4 s: every tile of the
#             view drawn at its finest band (to the 50 ms of the look)
#   cpu       CPU seconds (user + system, all threads) the viewer had used by then, 4 s later: on a
#             shared machine less noisy than the wall times
# Then one drag (60 moves of 6 px and 3 px, 16 ms apart, out and back, as bench/viewer_fps.sh), and
#   settled   how long after the button is let go the map stops changing (the glide after a drag,
#             the tiles of the strips it uncovered)
# and Ctrl+Q: TEXTATLAS_FRAME_STATS prints each kind of frame's median and 95th percentile (the
# "scrolled" frames are the drag's; "redrawn" ones are the first frames, tiles' arrivals and the
# view coming to rest). vmhwm is the viewer's peak resident memory, read just before it quits.
#
# Each run has fresh XDG config and data folders (no saved view or layers); Mesa's shader cache
# ($XDG_CACHE_HOME, default /tmp/textatlas-bench-cache) is kept, and a warm-up run of each is not
# counted, so shaders are compiled and files are in the page cache: warm starts. The binary finds
# its data as usual (beside it, its source tree's data/, or $TEXTATLAS_DATA), so an older build
# runs with its own data. Needs xvfb, xdotool, python3 and GNU time (/usr/bin/time).
#
#   bench/first_frame.sh BINARY TEXT [RUNS]      (default: 5 runs after the warm-up)
set -u
usage="usage: bench/first_frame.sh BINARY TEXT [RUNS]"
BIN=$(realpath "${1:?$usage}")
TEXT=$(realpath "${2:?$usage}")
RUNS=${3:-5}
for tool in Xvfb xdotool python3 /usr/bin/time "$BIN"; do
    command -v "$tool" > /dev/null || { echo "first_frame: $tool not found" >&2; exit 1; }
done
[ -f "$TEXT" ] || { echo "first_frame: $TEXT: no such file" >&2; exit 1; }
WORK=$(mktemp -d)
export XDG_CACHE_HOME=${FIRST_FRAME_CACHE:-/tmp/textatlas-bench-cache}
mkdir -p "$XDG_CACHE_HOME" "$WORK/fb"
XVFB=
cleanup() { [ -n "$XVFB" ] && kill "$XVFB" 2> /dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
DISPLAY_NUMBER=97
while [ -e "/tmp/.X$DISPLAY_NUMBER-lock" ]; do DISPLAY_NUMBER=$((DISPLAY_NUMBER + 1)); done
export DISPLAY=:$DISPLAY_NUMBER

# The viewer, once: prints one line of name=value figures.
cat > "$WORK/viewer_run.py" << 'EOF'
import os, re, struct, subprocess, sys, time, zlib
binary, text, work = sys.argv[1:4]
fb = os.path.join(work, "fb", "Xvfb_screen0")
env = dict(os.environ, TEXTATLAS_FRAME_STATS="1",
           XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"))
for d in ("config", "data"):
    subprocess.run(["rm", "-rf", os.path.join(work, d)])
    os.makedirs(os.path.join(work, d))
MAP, PANEL = (460, 1900, 40, 1000), (10, 420, 60, 1000)
STEP, QUIET, LIMIT = 0.05, 4.0, 180.0

def screen():  # Xvfb's screen: an XWD file
    with open(fb, "rb") as f:
        data = f.read()
    h = struct.unpack(">25I", data[:100])
    return memoryview(data), h[0] + 12 * h[19], h[12], h[11] // 8  # pixels, offset, stride, bytes a pixel

def rows(x0, x1, y0, y1, step=1):
    data, off, stride, px = screen()
    return [data[off + y * stride + x0 * px:off + y * stride + x1 * px] for y in range(y0, y1, step)]

def region_hash(region):
    crc = 0
    for row in rows(*region):
        crc = zlib.crc32(row, crc)
    return crc

def plain(region):  # the progress screen's grey (#e9ecef) all over, sampled every 8th row
    sampled = rows(*region, step=8)
    first = bytes(sampled[0][:4])
    return tuple(first[:3]) in ((0xef, 0xec, 0xe9), (0xe9, 0xec, 0xef)) and all(
        bytes(row) == first * (len(row) // 4) for row in sampled)

def last_change():
    """The time of the map's last change before QUIET seconds without one."""
    start = time.monotonic()
    previous, changed = region_hash(MAP), start
    while time.monotonic() - changed < QUIET and time.monotonic() - start < LIMIT:
        time.sleep(STEP)
        h = region_hash(MAP)
        if h != previous:
            previous, changed = h, time.monotonic()
    return changed

def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True).stdout.split()

xdotool("mousemove", "1200", "500")
window = None
for attempt in range(3):  # (on a loaded machine the X server now and then refuses a connection)
    stats = open(os.path.join(work, "stats"), "w")
    t0 = time.monotonic()
    viewer = subprocess.Popen([binary, text], env=env, stdout=subprocess.DEVNULL, stderr=stats)
    while window is None and time.monotonic() - t0 < LIMIT and viewer.poll() is None:
        found = xdotool("search", "--name", "Text Atlas")
        if found:
            window = found[0]
            xdotool("windowmove", window, "0", "0", "windowsize", window, "1920", "1080")
            t_window = time.monotonic() - t0
        else:
            time.sleep(STEP)
    if window is not None:
        break
    viewer.kill()
    viewer.wait()
    stats.close()
    print("(viewer gave no window: " + open(os.path.join(work, "stats")).read().strip() + ")", file=sys.stderr)
if window is None:
    print("error=no-window")
    sys.exit(0)
# The progress box at full size first (the panel's corner plain), then the viewer's panel.
for want_plain in (True, False):
    while plain(PANEL) != want_plain and time.monotonic() - t0 < LIMIT and viewer.poll() is None:
        time.sleep(STEP)
t_loaded = time.monotonic() - t0
t_complete = last_change() - t0
def cpu_seconds():  # user + system time of all the viewer's threads
    with open(f"/proc/{viewer.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
# (4 s of stillness are in it too: an idle viewer uses well under 1 % of a core, "An idle viewer")
cpu_complete = cpu_seconds()
if os.environ.get("FIRST_FRAME_SHOT"):  # the complete first frame, as Xvfb's XWD
    subprocess.run(["cp", fb, os.environ["FIRST_FRAME_SHOT"]])
# One drag, as bench/viewer_fps.sh: one xdotool process for the whole gesture.
drag = ["mousedown", "1"]
for dx, dy in ((6, 3), (-6, -3)):
    for _ in range(60):
        drag += ["mousemove_relative", "--", str(dx), str(dy), "sleep", "0.016"]
xdotool(*drag, "mouseup", "1")
released = time.monotonic()
settled = last_change() - released
with open(f"/proc/{viewer.pid}/status") as f:
    vmhwm = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) // 1024
# Held for a while: Dear ImGui sees only keys that are down when a frame starts.
xdotool("keydown", "ctrl", "keydown", "q")
time.sleep(0.3)
xdotool("keyup", "q", "keyup", "ctrl")
try:
    viewer.wait(timeout=20)
except subprocess.TimeoutExpired:
    viewer.kill()
stats.close()
frames = {}
for line in open(os.path.join(work, "stats")):
    m = re.match(r"textatlas frames: (\S+)\s+(\d+) frames\s+median\s+([\d.]+) ms\s+p95\s+([\d.]+) ms", line)
    if m:
        frames[m.group(1)] = (int(m.group(2)), float(m.group(3)), float(m.group(4)))
out = [f"window={t_window:.2f}", f"loaded={t_loaded:.2f}", f"complete={t_complete:.2f}", f"cpu={cpu_complete:.2f}",
       f"settled={settled:.2f}",
       f"vmhwm={vmhwm}"]
for kind in ("scrolled", "redrawn"):
    if kind in frames:
        n, median, p95 = frames[kind]
        out += [f"{kind}_n={n}", f"{kind}_median={median:.1f}", f"{kind}_p95={p95:.1f}"]
print(" ".join(out))
EOF

# `render` once: wall and CPU seconds, peak resident memory (MiB).
render_run() {
    /usr/bin/time -v "$BIN" render "$TEXT" --out "$WORK/render.png" --size 1920x1080 > /dev/null 2> "$WORK/time" ||
        { echo "error=render-failed"; return; }
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
                /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
                END { printf "render_wall=%.2f render_cpu=%.2f render_rss=%d\n", wall, user + sys, rss / 1024 }' "$WORK/time"
}

echo "first_frame: $BIN on $TEXT, $RUNS runs after a warm-up, load average $(cut -d' ' -f1-3 /proc/loadavg)"
Xvfb "$DISPLAY" -screen 0 1920x1080x24 -fbdir "$WORK/fb" > /dev/null 2>&1 &
XVFB=$!
sleep 1
for run in $(seq 0 "$RUNS"); do
    # FIRST_FRAME_SHOTS=DIR keeps the last run's complete first frame and its render as PNGs.
    [ -n "${FIRST_FRAME_SHOTS:-}" ] && [ "$run" = "$RUNS" ] && export FIRST_FRAME_SHOT=$WORK/shot.xwd
    line="$(python3 "$WORK/viewer_run.py" "$BIN" "$TEXT" "$WORK") $(render_run)"
    if [ "$run" = 0 ]; then echo "warm-up: $line"; else echo "run $run: $line" | tee -a "$WORK/runs"; fi
done
if [ -n "${FIRST_FRAME_SHOTS:-}" ]; then
    mkdir -p "$FIRST_FRAME_SHOTS"
    name=$(basename "$TEXT" .txt)
    xwdtopnm "$WORK/shot.xwd" 2> /dev/null | pnmtopng > "$FIRST_FRAME_SHOTS/$name-viewer.png"
    cp "$WORK/render.png" "$FIRST_FRAME_SHOTS/$name-render.png"
fi
# Median and range of each figure over the runs.
python3 - "$WORK/runs" << 'EOF'
import statistics, sys
runs = [dict(kv.split("=") for kv in line.split(": ", 1)[1].split()) for line in open(sys.argv[1])]
for key in runs[0]:
    values = sorted(float(r[key]) for r in runs if key in r and r[key].replace(".", "").isdigit())
    if values:
        print(f"  {key:16} median {statistics.median(values):8.2f}   range {values[0]:.2f}–{values[-1]:.2f}")
EOF
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"

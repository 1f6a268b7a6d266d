#!/bin/bash
# bench/idle_cpu.sh BINARY TEXT — the CPU the viewer uses while it sits idle on TEXT under Xvfb (no
# input at all), from /proc/PID/stat (user + system time of all its threads) over 10 s, 25 s after
# it starts (the text loaded and drawn). docs/benchmarks.md, "An idle viewer".
bin=$1; text=$2; disp=:$((90 + RANDOM % 9))
Xvfb $disp -screen 0 1600x1000x24 >/dev/null 2>&1 & xpid=$!
sleep 1
export XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d) XDG_CACHE_HOME=/tmp/idle-cache
DISPLAY=$disp $bin "$text" >/dev/null 2>&1 & vpid=$!
sleep 25
tick=$(getconf CLK_TCK)
t0=$(awk '{print $14+$15}' /proc/$vpid/stat); s0=$(date +%s.%N)
sleep 10
t1=$(awk '{print $14+$15}' /proc/$vpid/stat); s1=$(date +%s.%N)
echo "$(basename $bin): $(echo "scale=1; 100*($t1-$t0)/$tick/($s1-$s0)" | bc) % of a core over $(echo "$s1-$s0" | bc | cut -c1-5) s"
kill $vpid; wait $vpid 2>/dev/null; kill $xpid; wait $xpid 2>/dev/null

#!/bin/sh
# Measures a running agent: average CPU (% of one core) and peak RSS over a window.
# Usage: measure.sh <pid> [seconds, default 180]
set -eu
pid=$1
secs=${2:-180}
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
t0=$(ticks); start=$(date +%s.%N); peak=0; i=0
while [ "$i" -lt "$secs" ]; do
  r=$(rss_kb); [ "$r" -gt "$peak" ] && peak=$r
  sleep 1; i=$((i + 1))
done
t1=$(ticks); end=$(date +%s.%N)
awk -v t0="$t0" -v t1="$t1" -v hz="$hz" -v s="$start" -v e="$end" -v peak="$peak" -v now="$(rss_kb)" 'BEGIN {
  printf "window %.0f s  cpu %.2f%% of one core  rss now %.1f MB  rss peak %.1f MB\n",
         e - s, 100 * (t1 - t0) / hz / (e - s), now / 1024, peak / 1024 }'
ps -o pid,%cpu,rss,nlwp,args -p "$pid" | cut -c1-120

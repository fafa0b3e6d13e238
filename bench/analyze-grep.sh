#!/usr/bin/env bash
# Throughput of `grep -F -c -f <(kopuro codebook terms)` on the corpus of
# BenchmarkAnalyze (our own fixture posts, one per line), to set beside
#   go test ./analyze -run XXX -bench Analyze -cpu 1
# Usage: bench/analyze-grep.sh [REPEAT]   (the corpus is repeated REPEAT times, default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/kopuro" ./cmd/kopuro
go test ./analyze -run TestWriteBenchCorpus -corpus "$tmp/one.txt" >/dev/null
for _ in $(seq "$repeat"); do cat "$tmp/one.txt"; done >"$tmp/corpus.txt"
posts=$(wc -l <"$tmp/corpus.txt")
bytes=$(wc -c <"$tmp/corpus.txt")
terms=$("$tmp/kopuro" codebook terms | wc -l)

"$tmp/kopuro" codebook terms >"$tmp/terms.txt"
# Wall time includes other processes' turns on a shared machine; user+sys
# CPU time is grep's own single-core cost. Best of three runs each.
best="" bestcpu=""
TIMEFORMAT='%R %U %S'
for _ in 1 2 3; do
	{ time LC_ALL=C.UTF-8 grep -F -c -f <(cat "$tmp/terms.txt") "$tmp/corpus.txt" >"$tmp/count"; } 2>"$tmp/time"
	read -r wall user sys <"$tmp/time"
	cpu=$(echo "$user + $sys" | bc -l)
	if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc -l)" = 1 ]; then best=$wall; fi
	if [ -z "$bestcpu" ] || [ "$(echo "$cpu < $bestcpu" | bc -l)" = 1 ]; then bestcpu=$cpu; fi
done
matched=$(cat "$tmp/count")
printf 'grep -F -c -f (%d terms): %d posts (%d bytes), %d matching lines\n' "$terms" "$posts" "$bytes" "$matched"
printf '  wall %.3f s: %.0f posts/s, %.2f MB/s\n' "$best" "$(echo "$posts / $best" | bc -l)" "$(echo "$bytes / $best / 1000000" | bc -l)"
if [ "$(echo "$bestcpu > 0" | bc -l)" = 1 ]; then
	printf '  cpu  %.3f s: %.0f posts/cpu-s, %.2f MB/cpu-s\n' "$bestcpu" "$(echo "$posts / $bestcpu" | bc -l)" "$(echo "$bytes / $bestcpu / 1000000" | bc -l)"
fi

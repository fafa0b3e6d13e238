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

best=""
for _ in 1 2 3; do
	start=$(date +%s.%N)
	matched=$(LC_ALL=C.UTF-8 grep -F -c -f <("$tmp/kopuro" codebook terms) "$tmp/corpus.txt")
	end=$(date +%s.%N)
	t=$(echo "$end - $start" | bc -l)
	if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
printf 'grep -F -c -f (%d terms): %d posts (%d bytes), %d matching lines, best of 3: %.3f s\n' "$terms" "$posts" "$bytes" "$matched" "$best"
printf '  %.0f posts/s, %.2f MB/s\n' "$(echo "$posts / $best" | bc -l)" "$(echo "$bytes / $best / 1000000" | bc -l)"

#!/usr/bin/env bash
# Analysis benchmark on synthetic posts: the engine on one core
# (go test -bench, posts/s and MB/s) beside grep -F -c -f of the
# codebook's terms on the same texts, one post a line, and the engine's
# steps alone (BenchmarkStages in analyze/).
#
#   bench/analyze.sh [POSTS]    default 5000 distinct posts
#
# Environment: RUNS (default 3), OUT (default bench/results/analyze-DATE.txt).
# grep gets the texts repeated 200 times (about 470 MB) so that its run is long
# enough to time: time(1) counts CPU in hundredths of a second.
# Reports only: it never fails on a slow result, and CI never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
runs=${RUNS:-3}
mkdir -p bench/results
out=${OUT:-bench/results/analyze-$(date -u +%Y%m%dT%H%M).txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log() { echo "$*" | tee -a "$out"; }

log "# kopuro analysis benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git describe --always --dirty), load $(cut -d' ' -f1-3 /proc/loadavg)"
go build -o "$tmp/kopuro" ./cmd/kopuro
go test ./bench -run TestWriteTexts -texts "$tmp/one.txt" -posts "$n" >/dev/null
for _ in $(seq 200); do cat "$tmp/one.txt"; done >"$tmp/texts.txt"
"$tmp/kopuro" codebook terms >"$tmp/terms.txt"
log "## engine: go test ./bench -run XXX -bench AnalyzeSynth -cpu 1 -count $runs -posts $n"
go test ./bench -run XXX -bench AnalyzeSynth -cpu 1 -count "$runs" -benchtime 3s -posts "$n" | grep Benchmark | tee -a "$out"
log "## where a post's time goes: go test ./analyze -run XXX -bench Stages -cpu 1 (each step alone, cpu-ns/op)"
go test ./analyze -run XXX -bench Stages -cpu 1 -benchtime 2s | grep Benchmark | tee -a "$out"
posts=$(wc -l <"$tmp/texts.txt")
bytes=$(wc -c <"$tmp/texts.txt")
log "## grep -F -c -f <(kopuro codebook terms) ($(wc -l <"$tmp/terms.txt") terms) on $posts lines, $bytes bytes"
for _ in $(seq "$runs"); do
	LC_ALL=C.UTF-8 /usr/bin/time -f '%e %U %S' -o "$tmp/time.txt" grep -F -c -f "$tmp/terms.txt" "$tmp/texts.txt" >"$tmp/matched.txt" || true
	read -r wall user sys <"$tmp/time.txt"
	cpu=$(echo "$user + $sys" | bc -l)
	log "$(printf 'grep -F: %d matching lines, wall %.3f s (%.0f posts/s, %.2f MB/s), cpu %.3f s (%.0f posts/cpu-s, %.2f MB/cpu-s)' \
		"$(cat "$tmp/matched.txt")" "$wall" "$(echo "$posts / $wall" | bc -l)" "$(echo "$bytes / $wall / 1000000" | bc -l)" \
		"$cpu" "$(echo "$posts / $cpu" | bc -l)" "$(echo "$bytes / $cpu / 1000000" | bc -l)")"
done
log "# results in $out"

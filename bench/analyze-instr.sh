#!/usr/bin/env bash
# Instructions per post of the analysis engine, counted by callgrind: a figure
# that other processes on a shared machine do not change, for before/after
# comparisons of engine work.
#
#   bench/analyze-instr.sh [REV]    default: the working tree
#
# Runs BenchmarkAnalyzeSynth (5 000 synthetic posts, cycled) for 20 000 and
# 40 000 posts under valgrind with GOGC=off (the collector's work depends on
# timing, not on the engine) and counts the instructions inside
# (*Engine).Analyze; the difference over 20 000 posts is the cost of a post
# whose words the engine has met (the first 5 000 fill its caches in both
# runs). Allocations are reported by go test -benchmem. Needs valgrind; takes
# a minute or two. Reports only.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=.
if [ $# -gt 0 ]; then
	git worktree add --detach "$tmp/src" "$1" >/dev/null 2>&1
	trap 'git worktree remove --force "$tmp/src"; rm -rf "$tmp"' EXIT
	src=$tmp/src
fi
(cd "$src" && go test -c -o "$tmp/bench.test" ./bench)
declare -A n
for posts in 20000 40000; do
	n[$posts]=$(cd bench && GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind \
		--callgrind-out-file="$tmp/cg.$posts" --toggle-collect='kopuro/analyze.(*Engine).Analyze' \
		"$tmp/bench.test" -test.run XXX -test.bench AnalyzeSynth -test.cpu 1 -test.benchtime "${posts}x" 2>&1 |
		awk '/Collected/ {print $4}')
done
rev=$(cd "$src" && git describe --always --dirty)
echo "commit $rev: $(((n[40000] - n[20000]) / 20000)) instructions per post in Analyze (callgrind, GOGC=off, posts met before)"

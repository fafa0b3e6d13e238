#!/usr/bin/env bash
# Dashboard and API benchmark: `kopuro serve` on a filled store, then wrk
# against the overview, an institution profile, the posts explorer (with
# filters, and with full-text search) and the leaderboard API; requests/s
# and p50/p95/p99 latency per URL, and the server's CPU time per request.
#
#   bench/serve.sh STORE...     a SQLite file or a postgres:// URL, filled
#                               beforehand (kopuro gen + kopuro import)
#
# Environment: CONNS (concurrent connections, default 64), THREADS (wrk
# threads, 2), DURATION (per URL, default 20s), WARMUP (per URL, 5s),
# PORT (18480), INST (the institution profiled; default the first one of
# /api/v1/institutions), PERIOD (its period, default 2025-01..2025-12: the
# default period, the last six months, holds no post of a synthetic corpus
# of 2021-2025), Q (the search words, default "волонтер"), URLS
# (space-separated paths replacing the default list), OUT (results file,
# default bench/results/serve-DATE.txt), KOPURO (a built binary; default
# built from this checkout), CPUPROFILE (a file prefix: each store's
# server writes a CPU profile of the whole run to PREFIX-N.prof), WRITES
# (seconds between writes during each measured run, as an analysis run or
# an import makes them; default none). A write here is the data version
# bumped by SQL (sqlite3 or psql): every cache sees a change, no data does.
# Needs wrk (Debian "wrk") and curl. Reports only: it never fails on a slow
# result, and CI never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: bench/serve.sh STORE..." >&2; exit 2; }
conns=${CONNS:-64}
threads=${THREADS:-2}
duration=${DURATION:-20s}
warmup=${WARMUP:-5s}
port=${PORT:-18480}
q=${Q:-волонтер}
period=${PERIOD:-2025-01..2025-12}
mkdir -p bench/results
out=${OUT:-bench/results/serve-$(date -u +%Y%m%dT%H%M).txt}
run=$(mktemp -d)
k=${KOPURO:-}
if [ -z "$k" ]; then
	k="$run/kopuro"
	go build -o "$k" ./cmd/kopuro
fi
pid=""
cleanup() {
	if [ -n "$pid" ]; then kill -INT "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
	rm -rf "$run"
}
trap cleanup EXIT

log() { echo "$*" | tee -a "$out"; }
# cputicks PID: the user + system CPU time the process has used, in clock
# ticks. cpu_ms (CPU milliseconds the server spent per request) depends
# much less on a shared machine's other load than latency does.
hz=$(getconf CLK_TCK)
cputicks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# idle PID: wait (at most 2 min) until the process used no CPU for a second.
idle() {
	local a b
	a=$(cputicks "$1")
	for _ in $(seq 1 120); do
		sleep 1
		b=$(cputicks "$1")
		[ "$a" != "$b" ] || return 0
		a=$b
	done
}
# bump STORE: a write, as far as caches can tell (the data version moves on).
bump() {
	local sql="UPDATE data_version SET n = n + 1 WHERE id = 1"
	if [[ $1 == postgres* ]]; then psql -q "$1" -c "$sql" >/dev/null; else sqlite3 "$1" "$sql"; fi
}
# urlq encodes a query value (the search words may be Cyrillic).
urlq() { printf '%s' "$1" | od -An -tx1 -v | tr -s ' \n' ' ' | sed 's/ *$//; s/^ //; s/ /%/g; s/^/%/'; }

log "# bench/serve.sh $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/results' || echo '+dirty')"
[ -z "${KOPURO:-}" ] || log "# binary: $KOPURO"
log "# $(nproc) cores; wrk -c $conns -t $threads -d $duration (after a $warmup warm-up) per URL"
n=0
for store in "$@"; do
	n=$((n + 1))
	prof=()
	[ -z "${CPUPROFILE:-}" ] || prof=(--cpuprofile "$CPUPROFILE-$n.prof")
	"$k" serve --addr "127.0.0.1:$port" --db "$store" "${prof[@]}" >"$run/serve.log" 2>&1 &
	pid=$!
	base="http://127.0.0.1:$port"
	for _ in $(seq 1 600); do
		curl -fs -o /dev/null "$base/api/v1/institutions" && break
		kill -0 "$pid" 2>/dev/null || { cat "$run/serve.log" >&2; exit 1; }
		sleep 0.1
	done
	inst=${INST:-$(curl -fs "$base/api/v1/institutions" | grep -o '"code":"[^"]*"' | head -n 1 | cut -d'"' -f4)}
	label=$store
	[[ $store != postgres* ]] || label="postgres ${store##*@}"
	log "## store: $label ($("$k" status --db "$store" 2>/dev/null | awk '/^posts/ && !n { print $1, $2; n = 1 }'))"
	log "## load before: $(uptime | sed 's/.*load average/load average/')"
	urls=${URLS:-"/ /institutions/$inst?period=$period /posts?institution=$inst&category=third_mission&platform=instagram /posts?q=$(urlq "$q") /api/v1/leaderboard?platform=instagram"}
	log "$(printf '%-72s %9s %9s %9s %9s %9s %8s %8s %9s %9s' url req/s p50_ms p95_ms p99_ms max_ms bad cpu_ms first_ms write_ms)"
	for u in $urls; do
		# first_ms: one request alone before the warm-up, the time a first
		# visitor waits (after a write, nothing is cached yet).
		first=$(curl -s -o /dev/null --max-time 300 -w '%{time_total}' "$base$u" || echo 0)
		wrk -c "$conns" -t "$threads" -d "$warmup" "$base$u" >/dev/null 2>&1 || true
		t0=$(cputicks "$pid")
		writer=""
		if [ -n "${WRITES:-}" ]; then
			(while sleep "$WRITES"; do bump "$store"; done) &
			writer=$!
		fi
		line=$(wrk -c "$conns" -t "$threads" -d "$duration" --timeout 30s -s bench/serve.lua "$base$u" 2>&1 | grep '^KOPURO' || true)
		[ -z "$writer" ] || { kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null || true; }
		t1=$(cputicks "$pid")
		# write_ms: one request right after a write, the wait of the first
		# visitor after any change once the page was cached.
		bump "$store"
		after=$(curl -s -o /dev/null --max-time 300 -w '%{time_total}' "$base$u" || echo 0)
		# The recomputation it may have started in the background must not
		# weigh on the next URL's figures: wait until the server is idle.
		idle "$pid"
		if [ -z "$line" ]; then
			log "$(printf '%-72s wrk failed' "$u")"
			continue
		fi
		v() { echo "$line" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }
		cpu=-
		[ "$(v requests)" = 0 ] || cpu=$(printf '%.2f' "$(echo "($t1 - $t0) * 1000 / $hz / $(v requests)" | bc -l)")
		log "$(printf '%-72s %9s %9s %9s %9s %9s %8s %8s %9.1f %9.1f' "$u" "$(v rps)" "$(v p50)" "$(v p95)" "$(v p99)" "$(v max)" "$(( $(v non2xx) + $(v errors) ))" "$cpu" "$(echo "$first * 1000" | bc -l)" "$(echo "$after * 1000" | bc -l)")"
	done
	log "## load after: $(uptime | sed 's/.*load average/load average/')"
	kill -INT "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	pid=""
done
echo "results in $out"

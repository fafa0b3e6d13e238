#!/usr/bin/env bash
# Ingest benchmark: `kopuro import` (which also codes the new posts) of a
# synthetic corpus into SQLite and PostgreSQL, then `kopuro analyze
# --rebuild` on the filled store (the analysis alone), beside the engines'
# own ceiling: sqlite3 .import and psql \copy of the same post rows as CSV.
#
#   bench/ingest.sh [SIZE...]          default: 100000 300000 1000000
#
# Environment: RUNS (default 3), STORES ("sqlite pg"), SEED (1),
# LIMIT (seconds one command may take, default 600: a run that hits it is
# reported as such), WORK (corpus and store folder, default /tmp/kopuro-bench),
# PGPORT (55491), OUT (results file, default bench/results/ingest-DATE.txt).
# Needs /usr/bin/time (Debian "time"), sqlite3, and for pg Debian postgresql.
# Reports only: it never fails on a slow result, and CI never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 300000 1000000)
runs=${RUNS:-3}
stores=${STORES:-sqlite pg}
seed=${SEED:-1}
limit=${LIMIT:-600}
work=${WORK:-/tmp/kopuro-bench}
port=${PGPORT:-55491}
mkdir -p "$work" bench/results
out=${OUT:-bench/results/ingest-$(date -u +%Y%m%dT%H%M).txt}
# Corpora are shared between runs; binaries, stores and timings are this
# run's own, so that two runs at once do not touch each other's files.
run="$work/run-$$"
mkdir -p "$run"

go build -o "$run/kopuro" ./cmd/kopuro
go build -o "$run/ndjson2csv" ./bench/ndjson2csv
k="$run/kopuro"

log() { echo "$*" | tee -a "$out"; }

# measure LABEL SIZE CMD...: runs CMD under /usr/bin/time -v within the
# limit and logs wall seconds, CPU seconds (user + system: the machine is
# shared, and CPU time depends much less on the neighbours than wall time),
# posts/s by each, and peak memory (of the client: a PostgreSQL server's
# own memory is not counted). A run over the limit still logs what it used.
measure() {
	local label=$1 size=$2
	shift 2
	local tf="$run/time.txt" rc=0
	/usr/bin/time -v timeout "$limit" "$@" >"$run/cmd.out" 2>"$tf" || rc=$?
	local wall user sys rss
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tf")
	user=$(awk -F': ' '/User time/ { print $2 }' "$tf")
	sys=$(awk -F': ' '/System time/ { print $2 }' "$tf")
	rss=$(awk -F': ' '/Maximum resident/ { print int($2 / 1024) }' "$tf")
	if [ "$rc" != 0 ]; then
		log "$(printf '%-34s %8d posts  FAILED or over %ss (exit %s): wall %.1f s  cpu %.1f s  peak %d MiB' \
			"$label" "$size" "$limit" "$rc" "$wall" "$(echo "$user + $sys" | bc -l)" "$rss")"
		tail -n 2 "$run/cmd.out" | sed 's/^/    /' | tee -a "$out"
		return 0
	fi
	local cpu
	cpu=$(echo "$user + $sys" | bc -l)
	log "$(printf '%-34s %8d posts  wall %7.1f s (%6.0f posts/s)  cpu %7.1f s (%6.0f posts/cpu-s)  peak %5d MiB' \
		"$label" "$size" "$wall" "$(echo "$size / $wall" | bc -l)" "$cpu" "$(echo "$size / $cpu" | bc -l)" "$rss")"
}

pgdir=""
cleanup() {
	[ -z "$pgdir" ] || scripts/pg-cluster stop "$pgdir"
	rm -rf "$run"
}
trap cleanup EXIT
pgurl=""
if [[ " $stores " == *" pg "* ]]; then
	pgdir="$run/pg"
	scripts/pg-cluster stop "$pgdir" 2>/dev/null || true
	pgurl=$(scripts/pg-cluster start "$pgdir" "$port")
fi
# pgdb NAME: a fresh database on the cluster, and its URL.
pgdb() {
	PGOPTIONS="-c client_min_messages=warning" psql -q "$pgurl" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
	echo "${pgurl/\/postgres\?/\/$1?}"
}

csvtable="CREATE TABLE posts_csv (platform TEXT NOT NULL, external_id TEXT NOT NULL, handle TEXT, url TEXT,
  published BIGINT, utc_offset INTEGER, text TEXT, format TEXT, likes BIGINT, comments BIGINT, shares BIGINT,
  views BIGINT, saves BIGINT, hashtags TEXT, mentions TEXT, UNIQUE (platform, external_id));
CREATE INDEX posts_csv_published ON posts_csv (published);"

log "# kopuro ingest benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB"
log "# commit $(git describe --always --dirty), seed $seed, $runs run(s) each, load before start: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${sizes[@]}"; do
	corpus="$work/corpus-$n-$seed.ndjson"
	[ -s "$corpus" ] || { "$k" gen --posts "$n" --seed "$seed" --out "$corpus.$$" && mv "$corpus.$$" "$corpus"; }
	csv="$work/posts-$n-$seed.csv"
	[ -s "$csv" ] || { "$run/ndjson2csv" <"$corpus" >"$csv.$$" && mv "$csv.$$" "$csv"; }
	log "## $n posts: corpus $(du -m "$corpus" | cut -f1) MB NDJSON, $(du -m "$csv" | cut -f1) MB CSV"
	for r in $(seq "$runs"); do
		if [[ " $stores " == *" sqlite "* ]]; then
			db="$run/bench.db"
			rm -f "$db" "$db"-*
			measure "sqlite: kopuro import (+analysis)" "$n" "$k" import --quiet --db "$db" "$corpus"
			measure "sqlite: kopuro analyze --rebuild" "$n" "$k" analyze --rebuild --db "$db"
			rm -f "$db" "$db"-*
			sqlite3 "$db" "$csvtable"
			measure "sqlite3 .import (CSV ceiling)" "$n" sqlite3 "$db" -cmd ".mode csv" ".import --skip 1 $csv posts_csv"
			rm -f "$db" "$db"-*
		fi
		if [[ " $stores " == *" pg "* ]]; then
			url=$(pgdb bench)
			measure "pg: kopuro import (+analysis)" "$n" "$k" import --quiet --db "$url" "$corpus"
			measure "pg: kopuro analyze --rebuild" "$n" "$k" analyze --rebuild --db "$url"
			url=$(pgdb benchcsv)
			psql -q "$url" -c "$csvtable" >/dev/null
			measure "pg: psql \\copy (CSV ceiling)" "$n" psql -q "$url" -c "\\copy posts_csv FROM '$csv' WITH (FORMAT csv, HEADER true)"
		fi
	done
done
log "# results in $out"

-- wrk script for bench/serve.sh: after the run, one line with requests/s,
-- the p50/p95/p99 latency in milliseconds and the count of non-2xx/3xx
-- answers and socket errors, for the script to parse.
done = function(summary, latency, requests)
  local errs = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("KOPURO rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, summary.errors.status, errs))
end

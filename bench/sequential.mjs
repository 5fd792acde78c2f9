// The load of a one-connection scenario: requests one after another on one keep-alive connection,
// each timed with the monotonic clock. autocannon's histogram keeps whole milliseconds, so its p50
// at one connection says 0 or 1 where the target is 1.5 ms over the stand-in; this keeps
// microseconds. Same request lists as autocannon (bench/scenarios.mjs: `setupRequest`,
// `onResponse`, a context per pass) and the same result fields run.mjs reads, latencies in ms.
import { Client } from 'undici';

/**
 * Sends `requests` in order, over and over, for `durationS` seconds. Resolves as autocannon's result
 * does for the fields the bench reads: requests.{average,total} (per second), latency.{p50,p99,mean}
 * (milliseconds, to the microsecond), errors, timeouts (always 0) and non2xx.
 */
export async function sequential(url, requests, durationS, tlsOptions) {
  const client = new Client(url, { pipelining: 1, ...(tlsOptions ? { connect: tlsOptions } : {}) });
  const latenciesUs = [];
  let errors = 0;
  let firstError;
  let non2xx = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(durationS * 1e9));
  try {
    while (process.hrtime.bigint() < deadline) {
      const context = {};
      for (const spec of requests) {
        const req = spec.setupRequest ? spec.setupRequest({ method: spec.method, path: spec.path }, context) : spec;
        const sent = process.hrtime.bigint();
        try {
          const res = await client.request({ method: req.method ?? spec.method, path: req.path, headers: withoutLength(req.headers), body: req.body });
          const body = await res.body.text();
          latenciesUs.push(Number(process.hrtime.bigint() - sent) / 1000);
          if (res.statusCode < 200 || res.statusCode >= 300) non2xx += 1;
          spec.onResponse?.(res.statusCode, body, context);
        } catch (error) {
          errors += 1;
          firstError ??= error;
        }
      }
    }
  } finally {
    await client.close();
  }
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = latenciesUs.sort((a, b) => a - b);
  const at = (q) => (sorted.length ? +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000).toFixed(3) : 0);
  const mean = sorted.length ? +(sorted.reduce((sum, value) => sum + value, 0) / sorted.length / 1000).toFixed(3) : 0;
  if (firstError) console.error(`${url}: ${errors} requests failed, the first with: ${firstError.message}`);
  return { requests: { average: sorted.length / elapsedS, total: sorted.length }, latency: { p50: at(0.5), p99: at(0.99), mean }, errors, timeouts: 0, non2xx };
}

/** autocannon writes `content-length` into the scenarios' shared header objects; undici sets its own. */
function withoutLength(headers = {}) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
}

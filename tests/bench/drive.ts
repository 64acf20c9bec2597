/** A benchmark's client: calls over HTTP, several in flight, as the extension's fetch sends them. */
import { quantile } from './table';

/** Calls `fn(i)` for i < n with `inFlight` at once; returns calls per second and each call's time. */
export async function drive(n: number, inFlight: number, fn: (i: number) => Promise<Response>) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        const res = await fn(i);
        await res.arrayBuffer();
        if (res.status >= 300) throw new Error(`bench: call ${i} answered ${res.status}`);
        times.push(performance.now() - s);
      }
    }),
  );
  return { perSecond: n / ((performance.now() - t0) / 1000), p99: quantile(times, 0.99), median: quantile(times, 0.5) };
}

// Growth-engine bench: the whole computeAudit over 1,000 posts and 90 daily snapshots, from the
// built dist (npm run build). Goal ≤ 20 ms per audit; median and p95 over RUNS runs after warm-up.
const RUNS = Number(process.env.BENCH_ENGINE_RUNS ?? 200);

export async function engineBench() {
  const g = await import(new URL('../../libs/growth-engine/dist/index.js', import.meta.url).href);
  const input = g.syntheticInput({ posts: 1000, days: 90, seed: 7 });
  for (let i = 0; i < 20; i++) g.computeAudit(input);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    g.computeAudit(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { runs: RUNS, median: at(0.5), p95: at(0.95), numbers: g.computeAudit(input).numbers.length };
}

export async function printEngineBench() {
  const e = await engineBench();
  console.log(`growth-engine computeAudit (1,000 posts, 90 snapshots, ${e.numbers} numbers): median ${e.median.toFixed(2)} ms, p95 ${e.p95.toFixed(2)} ms over ${e.runs} runs (goal ≤ 20 ms) ${e.median <= 20 ? 'OK' : 'BELOW GOAL'}`);
}

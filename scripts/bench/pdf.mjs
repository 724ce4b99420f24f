// PDF renderer bench (issue #12 §11): the ten-page branded sample report on one warm Chromium.
//  - latency: sequential renders after warm-up (goal: median ≤ 0.5 s);
//  - throughput: ≥ 20 renders submitted at once through the render queue at PDF_CONCURRENCY (goal ≥ 4 PDFs/s on 2 cores).
const dist = (p) => import(new URL(`../../apps/api/dist/${p}`, import.meta.url).href);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export async function pdfBench({ sequential = 15, parallel = Number(process.env.BENCH_PDF_RENDERS ?? 24) } = {}) {
  const { PdfService } = await dist('core/pdf/index.js');
  const { SAMPLE_REPORT, sampleReportData } = await dist('core/pdf/sample-report.js');
  const concurrency = Number(process.env.PDF_CONCURRENCY ?? 2);
  const executablePath = process.env.PUPPETEER_EXECUTABLE_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const service = new PdfService({ pdf: { executablePath, concurrency, timeoutMs: 60_000 } });
  const branding = { name: 'Bench Agency', primaryColor: '#0ea5e9', accentColor: '#f97316', footerText: 'Prepared by Bench Agency', showPoweredBy: true };
  const data = sampleReportData('@bench.account');
  try {
    let t0 = performance.now();
    const first = await service.renderPdf(SAMPLE_REPORT, data, branding);
    const coldMs = performance.now() - t0;
    const pages = (first.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    for (let i = 0; i < 3; i++) await service.renderPdf(SAMPLE_REPORT, data, branding);
    const times = [];
    for (let i = 0; i < sequential; i++) {
      t0 = performance.now();
      await service.renderPdf(SAMPLE_REPORT, data, branding);
      times.push(performance.now() - t0);
    }
    t0 = performance.now();
    const all = await Promise.all(Array.from({ length: parallel }, () => service.renderPdf(SAMPLE_REPORT, data, branding)));
    const wallMs = performance.now() - t0;
    return { pages, bytes: first.length, coldMs, medianMs: percentile(times, 50), p90Ms: percentile(times, 90), concurrency, parallel: all.length, wallMs, perSecond: all.length / (wallMs / 1000) };
  } finally {
    await service.onApplicationShutdown();
  }
}

export function printPdfBench(r) {
  const f = (n) => n.toFixed(1);
  console.log(`PDF ${r.pages}-page branded report (${Math.round(r.bytes / 1024)} KB), warm browser: median ${f(r.medianMs)} ms, p90 ${f(r.p90Ms)} ms (goal ≤ 500 ms) ${r.medianMs <= 500 ? 'OK' : 'BELOW GOAL'}; cold launch + first render ${f(r.coldMs)} ms`);
  console.log(`PDF throughput: ${r.parallel} renders at concurrency ${r.concurrency} in ${f(r.wallMs / 1000)} s = ${r.perSecond.toFixed(2)} PDFs/s (goal ≥ 4/s) ${r.perSecond >= 4 ? 'OK' : 'BELOW GOAL'}`);
}

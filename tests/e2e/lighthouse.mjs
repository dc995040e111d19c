// First load on a phone: `npm run lighthouse`.
//
// Builds when stale (tests/e2e/serve.mjs), serves dist/, and runs Lighthouse's default mobile
// preset (a Moto G-class phone: simulated slow 4G and a 4× slower CPU) on the home page and every
// built formula page, in the system Chromium. Each page runs --runs=N times (default 3) in a fresh
// Chromium; the table shows the median of each figure, since this machine is noisy.
// Options: --pages=softmax,relu limits the formula pages; --runs=N; --json=file also writes every
// run's figures. A benchmark, not a test: it prints and exits 0 whatever the scores.

import { writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { builtPageIds, ensureBuild, startPreview } from './serve.mjs';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const RUNS = Number(args.get('runs') ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One Lighthouse run of `url` in a fresh Chromium: scores (0–100) and the metrics that set them. */
async function runOnce(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: CHROMIUM_ARGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    const { categories, audits } = result.lhr;
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
    const failing = CATEGORIES.slice(1).flatMap((c) =>
      categories[c].auditRefs
        .filter((r) => r.weight > 0 && audits[r.id].score !== null && audits[r.id].score < 1)
        .map((r) => `${c}:${r.id}`),
    );
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      si: audits['speed-index'].numericValue,
      dom: audits['dom-size']?.numericValue ?? NaN,
      failing,
    };
  } finally {
    await chrome.kill();
  }
}

async function main() {
  ensureBuild();
  let ids = await builtPageIds();
  if (args.has('pages')) ids = ids.filter((id) => args.get('pages').split(',').includes(id));
  const { baseURL, close } = await startPreview();
  const rows = [];
  const all = {};
  try {
    for (const id of ['', ...ids]) {
      const name = id || 'home';
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(new URL(id, baseURL).href));
      all[name] = runs;
      const m = (k) => median(runs.map((r) => r[k]));
      rows.push({
        name,
        performance: m('performance'),
        accessibility: m('accessibility'),
        bestPractices: m('bestPractices'),
        seo: m('seo'),
        fcp: m('fcp'),
        lcp: m('lcp'),
        tbt: m('tbt'),
        cls: m('cls'),
        si: m('si'),
        dom: m('dom'),
        failing: [...new Set(runs.flatMap((r) => r.failing))],
      });
      process.stderr.write(`${name}: ${runs.map((r) => r.performance).join(', ')}\n`);
    }
  } finally {
    await close();
  }
  const s = (ms) => (ms / 1000).toFixed(2);
  console.log(`Lighthouse ${RUNS > 1 ? `median of ${RUNS} runs` : '1 run'}, mobile preset\n`);
  console.log(
    '| page | perf | a11y | BP | SEO | FCP (s) | LCP (s) | TBT (ms) | CLS | SI (s) | DOM nodes |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ` +
        `${s(r.fcp)} | ${s(r.lcp)} | ${Math.round(r.tbt)} | ${r.cls.toFixed(3)} | ${s(r.si)} | ${r.dom} |`,
    );
  }
  const failing = rows.filter((r) => r.failing.length);
  if (failing.length) {
    console.log('\nAudits below full marks outside performance:');
    for (const r of failing) console.log(`- ${r.name}: ${r.failing.join(', ')}`);
  }
  if (args.has('json')) await writeFile(args.get('json'), JSON.stringify(all, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// First-load weight of every page: `npm run size`.
//
// Builds when stale, serves dist/, opens the home page and every built formula page in a
// fresh Chromium context (empty cache), and records every response. JS is counted gzipped
// (gzip -9 of the served file, as a static host would send it); fonts and CSS are listed
// too. Also checks that no request leaves the app's own host. Prints a Markdown table.

import { gzipSync } from 'node:zlib';
import { launchChromium } from './chromium.mjs';
import { builtPageIds, ensureBuild, startPreview } from './serve.mjs';

const kb = (n) => (n / 1024).toFixed(1);

async function main() {
  ensureBuild();
  const { baseURL, close } = await startPreview();
  const browser = await launchChromium();
  const origin = new URL(baseURL).origin;
  const rows = [];
  const foreign = [];
  try {
    for (const id of ['', ...(await builtPageIds())]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes = { js: 0, jsGz: 0, css: 0, font: 0 };
      const pending = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(origin) && !req.url().startsWith('data:'))
          foreign.push(req.url());
      });
      page.on('response', (res) => {
        const type = res.request().resourceType();
        pending.push(
          res
            .body()
            .then((body) => {
              if (type === 'script') {
                sizes.js += body.length;
                sizes.jsGz += gzipSync(body, { level: 9 }).length;
              } else if (type === 'stylesheet') sizes.css += gzipSync(body, { level: 9 }).length;
              else if (type === 'font') sizes.font += body.length;
            })
            .catch(() => {}),
        );
      });
      await page.goto(new URL(id, baseURL).href, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await Promise.all(pending);
      rows.push({ page: id || 'home', ...sizes });
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  console.log('| page | JS (raw KB) | JS (gzip KB) | CSS (gzip KB) | fonts (KB) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.page} | ${kb(r.js)} | ${kb(r.jsGz)} | ${kb(r.css)} | ${kb(r.font)} |`);
  }
  const max = Math.max(...rows.map((r) => r.jsGz));
  console.log(`\nLargest first-load JS: ${kb(max)} KB gzipped (budget 200 KB).`);
  if (foreign.length) {
    console.log(`Requests to other hosts:\n${foreign.join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('No request to any other host.');
  }
}

await main();

import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const width of [1280, 375]) {
const page = await browser.newPage({ viewport: { width, height: 900 } });
for (const lang of ['en', 'zh-TW']) for (const q of ['', 'causal=1', 'scale=0', 'n=6&row=5', 'n=6&row=5&causal=1', 'n=6&row=3&scale=0', 'n=5&row=4&causal=1']) for (const p of ['attention']) {
  await page.goto(`http://localhost:5199/${p}?${q}&lang=${lang}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(400);
  const r = await page.$eval('.card-worked', (e) => [e.scrollWidth, e.clientWidth]);
  if (r[0] > r[1]) console.log(width, lang, q, r);
}
for (const p of ['sigmoid?x=-8', 'sigmoid?x=8', 'tanh?x=-5', 'relu?x=-4']) {
  await page.goto(`http://localhost:5199/${p}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(400);
  const r = await page.$eval('.card-worked', (e) => [e.scrollWidth, e.clientWidth]);
  if (r[0] > r[1]) console.log(width, p, r);
}
await page.close();
}
await browser.close();

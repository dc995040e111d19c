// Screenshots of every page for a visual check: `npm run screenshots` → screenshots/*.png.
//
// Builds the app when dist/ is stale (tests/e2e/serve.mjs), serves it, and saves for the home
// page and every built formula page, in English and Traditional Chinese:
//   <page>-1280-<lang>.png           desktop, 1280×800 viewport
//   <page>-390-<lang>.png            phone, 390×844, the full page
//   <page>-present-1920-<lang>.png   presentation mode (P) at 1920×1080 (formula pages)
// and a few extra:
//   <page>-1280-<lang>-dark.png      dark theme (home, home-map, softmax, attention)
//   home-map-*.png                   the home page's map of the notes (?view=map), also at 1920
//   not-found-1280-<lang>.png        an unknown path
// Options: --pages=softmax,relu limits the formula pages; --out=dir changes the folder.
// Console errors seen while shooting are listed at the end.

import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { ROOT, builtPageIds, ensureBuild, startPreview } from './serve.mjs';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const OUT = resolve(ROOT, args.get('out') ?? 'screenshots');
const LANGS = ['en', 'zh-TW'];
const DARK = ['home', 'home-map', 'softmax', 'attention'];

async function settle(page) {
  await page.waitForFunction(() => {
    const root = document.getElementById('root');
    return (
      !!root &&
      root.children.length > 0 &&
      document.documentElement.dataset.prerender !== 'fresh' &&
      !document.querySelector('[aria-busy="true"]')
    );
  });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
}

async function main() {
  ensureBuild();
  let ids = await builtPageIds();
  const only = args.get('pages')?.split(',');
  if (only) ids = ids.filter((id) => only.includes(id));
  await mkdir(OUT, { recursive: true });
  const app = await startPreview();
  const browser = await launchChromium();
  const problems = [];
  let count = 0;

  async function shoot({
    name,
    path,
    lang,
    width,
    height,
    fullPage = false,
    dark = false,
    present = false,
  }) {
    const context = await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: 1,
      colorScheme: dark ? 'dark' : 'light',
      reducedMotion: 'reduce',
      isMobile: width < 500,
      hasTouch: width < 500,
    });
    const page = await context.newPage();
    const file = `${name}${present ? '-present' : ''}-${width}-${lang}${dark ? '-dark' : ''}.png`;
    page.on('console', (m) => m.type() === 'error' && problems.push(`${file}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${file}: ${e.message}`));
    try {
      const sep = path.includes('?') ? '&' : '?';
      await page.goto(new URL(`${path.replace(/^\//, '')}${sep}lang=${lang}`, app.baseURL).href, {
        waitUntil: 'networkidle',
      });
      await settle(page);
      if (present) {
        await page.keyboard.press('p');
        await page.waitForTimeout(400);
      }
      if (fullPage) {
        // the prose below the card is skipped while off screen (content-visibility: auto),
        // which a full-page shot would show as a blank
        await page.addStyleTag({
          content: '.prose-body, .page-links { content-visibility: visible !important; }',
        });
      }
      await page.screenshot({ path: resolve(OUT, file), fullPage });
      count++;
    } catch (err) {
      problems.push(`${file}: ${err.message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }

  try {
    const pages = [
      { name: 'home', path: '/' },
      { name: 'home-map', path: '/?view=map' },
      ...ids.map((id) => ({ name: id, path: `/${id}` })),
    ];
    for (const lang of LANGS) {
      for (const p of pages) {
        console.error(`${p.name} (${lang})`);
        await shoot({ ...p, lang, width: 1280, height: 800 });
        await shoot({ ...p, lang, width: 390, height: 844, fullPage: true });
        if (p.name === 'home-map') await shoot({ ...p, lang, width: 1920, height: 1080 });
        else if (p.name !== 'home')
          await shoot({ ...p, lang, width: 1920, height: 1080, present: true });
        if (DARK.includes(p.name))
          await shoot({ ...p, lang, width: 1280, height: 800, dark: true });
      }
      await shoot({ name: 'not-found', path: '/no-such-page', lang, width: 1280, height: 800 });
    }
  } finally {
    await browser.close();
    await app.close();
  }
  console.log(`${count} screenshots in ${OUT}`);
  if (problems.length) {
    console.log('Problems while shooting:');
    for (const p of problems) console.log(`- ${p}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

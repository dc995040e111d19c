// UI benchmark: slider-input-to-frame latency of every built page, against a plain-DOM baseline.
//
//   npm run bench:ui            (options: --samples=N input events per page and setting, default
//                                100; --rounds=N whole runs, default 3, the ratio reported is
//                                their median; --pages=softmax,relu; --no-build to serve dist/ as
//                                it is; --builds=dist-a,dist-b to compare built folders
//                                interleaved, A B A B, in the same run, with --no-build)
//
// What it does
//   1. Builds the app (`vite build`), serves dist/ with `vite preview`, and serves
//      tests/e2e/baseline.html (one range slider redrawing a 200-point SVG polyline with plain
//      DOM code on each input event) from a small HTTP server.
//   2. In Chromium, for each CPU setting (unthrottled, then 4× slower through CDP
//      `Emulation.setCPUThrottlingRate`), measures the baseline, every built page, and the
//      baseline again (both baseline runs are pooled, so drift on a shared machine shows up in
//      the yardstick too).
//   3. On every page it drives every visible range slider, about N events per page spread over
//      the sliders, half by keyboard (focus, ArrowRight, Shift+ArrowRight, PageUp, ArrowLeft,
//      PageDown) and half by mouse (press on the thumb, drag in steps, release). One event at
//      a time: the driver waits until the event's sample is recorded (or missed) before sending
//      the next, so samples never overlap.
//   4. Prints a Markdown table: per page and CPU setting, the number of samples, p50 / p95 /
//      max latency in ms, and p95 divided by the baseline's p95 of the same run and setting.
//      Targets: ratio ≤ 1.25 unthrottled, ≤ 2.0 at 4×, the median over the rounds; and no long
//      task over 50 ms while dragging unthrottled (the longest is printed). Nothing is asserted;
//      it only prints.
//
// How one sample is measured (in-page instrumentation installed before any app script)
//   - A capture-phase `input` listener on window, for range inputs only, takes
//     t0 = event.timeStamp (the time the browser created the event, on the performance.now()
//     clock, so queueing delay before the handlers counts) and arms a MutationObserver.
//   - The MutationObserver watches the whole document (attributes, children, text). The first
//     mutation inside an <svg> after the event marks the plot update, whether the app renders
//     synchronously in the handler, in a microtask, in a later task or in a rAF callback. So
//     does the first drawing call on a 2D canvas (the context's clearRect, fillRect, fill,
//     stroke, fillText and drawImage are wrapped), for plots that draw marks on a canvas.
//   - Then the frame that shows it: if the mutation happened during a requestAnimationFrame
//     callback (rAF is wrapped to flag that), the frame being rendered now contains it;
//     otherwise a rAF is requested, and that rAF's frame contains it. In both cases a
//     MessageChannel message is posted from within the rAF phase: it runs as the first task
//     after that frame's style, layout and paint, so t1 = performance.now() in its handler is
//     when the frame was produced.
//   - The sample is t1 − t0. An input event with no SVG mutation or canvas draw within 1 s
//     counts as "no plot change" and has no sample. The observer is connected only from an input event to
//     the first SVG mutation after it, so it costs nothing while the app renders otherwise.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { ROOT, builtPageIds, ensureBuild, freePort, startPreview } from './serve.mjs';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const SAMPLES = Number(args.get('samples') ?? 100);
const ONLY_PAGES = args.get('pages')?.split(',');
const ROUNDS = Math.max(1, Number(args.get('rounds') ?? 3));
const BUILDS = args.get('builds')?.split(',');
const TARGETS = { 1: 1.25, 4: 2.0 };
/** The longest main-thread task allowed while a slider is dragged unthrottled (ms). */
const LONG_TASK_MS = 50;

/** Installed with addInitScript, before the page's own scripts. See the header. */
function instrument() {
  const bench = { samples: [], missed: 0, longTasks: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  } catch {
    // no Long Tasks API: none are reported
  }
  let inRaf = 0;
  const nativeRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) =>
    nativeRaf((t) => {
      inRaf++;
      try {
        cb(t);
      } finally {
        inRaf--;
      }
    });

  let pending = null; // { t0, timer } between the input event and the plot's mutation
  let inflight = 0; // samples waiting for their frame
  let waiters = [];
  const wake = () => {
    if (pending || inflight > 0) return;
    const w = waiters;
    waiters = [];
    w.forEach((resolve) => resolve());
  };
  const frameDone = (t0) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      bench.samples.push(performance.now() - t0);
      inflight--;
      wake();
    };
    ch.port2.postMessage(null);
  };
  /** The plot changed (an SVG mutation or a canvas draw): its sample ends with the frame that shows it. */
  const plotChanged = () => {
    const { t0, timer } = pending;
    pending = null;
    clearTimeout(timer);
    observer.disconnect();
    inflight++;
    if (inRaf > 0) frameDone(t0);
    else nativeRaf(() => frameDone(t0));
  };
  // Observes only while an input awaits its plot update, so idle pages pay nothing.
  const observer = new MutationObserver((records) => {
    if (!pending) return;
    const inSvg = records.some((r) => {
      const n = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      return n && n.closest && n.closest('svg');
    });
    if (inSvg) plotChanged();
  });
  // A plot may draw on a canvas instead: its first drawing call after the input counts.
  const ctx2d = window.CanvasRenderingContext2D?.prototype;
  for (const name of ['clearRect', 'fillRect', 'fill', 'stroke', 'fillText', 'drawImage']) {
    const native = ctx2d?.[name];
    if (typeof native !== 'function') continue;
    ctx2d[name] = function (...args) {
      if (pending) plotChanged();
      return native.apply(this, args);
    };
  }
  const miss = () => {
    pending = null;
    observer.disconnect();
    bench.missed++;
  };

  window.addEventListener(
    'input',
    (e) => {
      const el = e.target;
      if (!(el instanceof HTMLInputElement) || el.type !== 'range') return;
      if (pending) {
        clearTimeout(pending.timer);
        miss();
      }
      pending = {
        t0: e.timeStamp,
        timer: setTimeout(() => {
          miss();
          wake();
        }, 1000),
      };
      observer.observe(document.documentElement, {
        subtree: true,
        attributes: true,
        childList: true,
        characterData: true,
      });
    },
    { capture: true },
  );
  /** Resolves once the last input's sample is recorded (or missed). */
  bench.idle = () =>
    new Promise((resolve) => {
      waiters.push(resolve);
      wake();
    });
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] };
}

/** Sends one input and waits for its sample (the CDP input call returns once it was handled). */
async function step(page, act) {
  await act();
  await page.evaluate(() => window.__bench.idle());
}

/** Drives one slider: `keys` key presses, then a mouse drag of `moves` steps. */
async function driveSlider(page, slider, keys, moves) {
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  const sequence = [
    'ArrowRight',
    'ArrowRight',
    'Shift+ArrowRight',
    'PageUp',
    'ArrowLeft',
    'ArrowLeft',
    'Shift+ArrowLeft',
    'PageDown',
  ];
  for (let i = 0; i < keys; i++) {
    const key = sequence[i % sequence.length];
    await step(page, () => page.keyboard.press(key));
  }
  if (moves === 0) return;
  const box = await slider.boundingBox();
  if (!box || box.width < 4) return;
  const range = await slider.evaluate((el) => ({
    min: Number(el.min || 0),
    max: Number(el.max || 100),
    v: Number(el.value),
  }));
  const frac = range.max > range.min ? (range.v - range.min) / (range.max - range.min) : 0.5;
  const thumb = 16;
  const y = box.y + box.height / 2;
  let x = box.x + thumb / 2 + frac * (box.width - thumb);
  await page.mouse.move(x, y);
  await step(page, () => page.mouse.down());
  const dx = ((frac > 0.5 ? -1 : 1) * box.width * 0.4) / moves;
  for (let i = 0; i < moves; i++) {
    x += dx;
    await step(page, () => page.mouse.move(x, y));
  }
  await page.mouse.up();
}

async function measure(browser, url, rate, target) {
  // No service worker: its install (precaching the whole app) would run beside the samples.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForSelector('input[type="range"]', { state: 'visible', timeout: 15000 });
  // a prerendered page's sliders are on screen before React has hydrated them
  await page.waitForFunction(() => document.documentElement.dataset.prerender !== 'fresh');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const all = await page.locator('input[type="range"]').all();
  const sliders = [];
  for (const slider of all) {
    if ((await slider.isVisible()) && (await slider.isEnabled())) sliders.push(slider);
  }
  // About `target` events in all, half keyboard and half mouse, spread over every slider.
  await page.evaluate(() => {
    window.__bench.longTasks = [];
  });
  const perSlider = Math.max(4, Math.ceil(target / sliders.length));
  const keys = Math.ceil(perSlider / 2);
  const moves = Math.max(1, perSlider - keys - 1);
  const rounds = Math.max(1, Math.round(target / (sliders.length * (keys + moves + 1))));
  for (let r = 0; r < rounds; r++) {
    for (const slider of sliders) await driveSlider(page, slider, keys, moves);
  }
  const driven = sliders.length;
  const { samples, missed, longTasks } = await page.evaluate(() => ({
    samples: window.__bench.samples,
    missed: window.__bench.missed,
    longTasks: window.__bench.longTasks,
  }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return { samples, missed, sliders: driven, errors, longest: Math.max(0, ...longTasks) };
}

function fmt(x, digits = 1) {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

async function serveBaseline() {
  const html = await readFile(join(ROOT, 'tests', 'e2e', 'baseline.html'));
  const port = await freePort();
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}/baseline.html`, close: () => server.close() };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? quantile(s, 0.5) : NaN;
};

async function main() {
  const builds = BUILDS ?? [null];
  if (!BUILDS && args.get('no-build') !== 'true') ensureBuild({ force: true });
  let ids = await builtPageIds();
  if (ONLY_PAGES) ids = ids.filter((id) => ONLY_PAGES.includes(id));
  const apps = [];
  for (const b of builds) apps.push(await startPreview(b ? join(ROOT, b) : undefined));
  const baseline = await serveBaseline();
  const browser = await launchChromium();
  const version = browser.version();
  /** rows[`${build}|${page}|${rate}`] = one entry per round. */
  const rows = new Map();
  const add = (key, entry) => rows.set(key, [...(rows.get(key) ?? []), entry]);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const rate of [1, 4]) {
        console.error(`round ${round + 1}, CPU ${rate}×: baseline`);
        const b1 = await measure(browser, baseline.url, rate, SAMPLES / 2);
        const results = [];
        // interleaved: every build's pages in turn, the order flipped each round (A B, B A, …)
        const order = builds.map((_, i) => i);
        if (round % 2 === 1) order.reverse();
        for (const bi of order) {
          for (const id of ids) {
            console.error(`round ${round + 1}, CPU ${rate}×: ${builds[bi] ?? 'dist'} ${id}`);
            const url = new URL(id, apps[bi].baseURL).href;
            results.push({ bi, id, ...(await measure(browser, url, rate, SAMPLES)) });
          }
        }
        const b2 = await measure(browser, baseline.url, rate, SAMPLES / 2);
        const base = stats([...b1.samples, ...b2.samples]);
        add(`|baseline|${rate}`, { s: base, missed: b1.missed + b2.missed, ratio: 1, longest: 0 });
        for (const r of results) {
          const s = stats(r.samples);
          add(`${builds[r.bi] ?? ''}|${r.id}|${rate}`, {
            s,
            missed: r.missed,
            sliders: r.sliders,
            ratio: s.p95 / base.p95,
            errors: r.errors,
            longest: r.longest,
          });
        }
      }
    }
  } finally {
    await browser.close();
    for (const app of apps) await app.close();
    baseline.close();
  }

  const out = [];
  out.push(
    `Slider input → next frame (ms), Chromium ${version}, ${new Date().toISOString()}, ` +
      `${ROUNDS} round(s) of about ${SAMPLES} inputs a page`,
  );
  out.push('');
  out.push(
    '| build | page | CPU | samples | p50 | p95 | p95 / baseline p95, each round | median ratio | target | longest task (ms) | ok |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [key, entries] of rows) {
    const [build, name, rateText] = key.split('|');
    const rate = Number(rateText);
    const target = TARGETS[rate];
    const ratio = median(entries.map((e) => e.ratio));
    const longest = Math.max(...entries.map((e) => e.longest));
    const isBase = name === 'baseline';
    const okRatio = ratio <= target;
    const okLong = rate !== 1 || longest <= LONG_TASK_MS;
    const ok = isBase ? '' : okRatio && okLong ? 'yes' : 'NO';
    out.push(
      `| ${build || (BUILDS ? '' : 'dist')} | ${name} | ${rate}× | ${entries.reduce((n, e) => n + e.s.n, 0)} | ${fmt(
        median(entries.map((e) => e.s.p50)),
      )} | ${fmt(median(entries.map((e) => e.s.p95)))} | ${entries
        .map((e) => fmt(e.ratio, 2))
        .join(' / ')} | ${isBase ? '1' : fmt(ratio, 2)} | ≤ ${target} | ${
        isBase ? '' : fmt(longest, 0)
      } | ${ok} |`,
    );
  }
  const errs = [...rows].filter(([, entries]) => entries.some((e) => e.errors?.length));
  if (errs.length) {
    out.push('');
    out.push('Console errors during the run:');
    for (const [key, entries] of errs)
      out.push(`- ${key}: ${[...new Set(entries.flatMap((e) => e.errors ?? []))].join(' | ')}`);
  }
  console.log(out.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

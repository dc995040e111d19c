import { ticks as arrayTicks } from 'd3-array';
import { scaleDiverging, scaleSequential, scaleSequentialLog } from 'd3-scale';
import {
  interpolateCividis,
  interpolatePuOr,
  interpolateRdBu,
  interpolateViridis,
} from 'd3-scale-chromatic';

/**
 * Colour scales of the dense plots (heatmaps, contour bands). Every scheme offered is
 * perceptually ordered and readable with the common colour-vision deficiencies:
 * viridis and cividis (sequential, dark to light, monotone in lightness), and the
 * ColorBrewer diverging RdBu and PuOr (colour-blind safe). None of them ends in pure
 * black or white, so the extremes stay apart from both themes' card colours, and the
 * plots draw a thin frame around the cells besides (kit-dense.css).
 */

/** A sequential scheme: low values dark, high values light. */
export type SequentialScheme = 'viridis' | 'cividis';
/** A diverging scheme: two hues either side of a light neutral middle. */
export type DivergingScheme = 'RdBu' | 'PuOr';

/** A colour scale declared as data. */
export type ColorScaleSpec =
  | {
      kind: 'sequential';
      /** [low, high]; for `log` both must be positive. */
      domain: readonly [number, number];
      scheme?: SequentialScheme;
      /** Colour by log(value): for losses spanning decades. */
      log?: boolean;
      /** Light for low values, dark for high. */
      reverse?: boolean;
    }
  | {
      kind: 'diverging';
      /** [low, middle, high], e.g. [−1, 0, 1]. */
      domain: readonly [number, number, number];
      scheme?: DivergingScheme;
      /** Swap the two hues (RdBu: blue for low). */
      reverse?: boolean;
    };

/** A colour scale: value → CSS colour (null for a non-finite value), with its key's helpers. */
export interface ColorScale {
  (value: number): string | null;
  spec: ColorScaleSpec;
  /** The value at fraction t ∈ [0, 1] along the key (low → high). */
  valueAt(t: number): number;
  /** Where a value lies along the key, as a fraction in [0, 1] (clamped). */
  position(value: number): number;
  /** Readable tick values inside the domain. */
  ticks(count?: number): number[];
}

const SEQUENTIAL: Record<SequentialScheme, (t: number) => string> = {
  viridis: interpolateViridis,
  cividis: interpolateCividis,
};

const DIVERGING: Record<DivergingScheme, (t: number) => string> = {
  RdBu: interpolateRdBu,
  PuOr: interpolatePuOr,
};

const clamp01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);

/** A fraction along a domain's span, linear or in logs; 0.5 for an empty span. */
function fraction(v: number, a: number, b: number, log: boolean): number {
  const [x, lo, hi] = log ? [Math.log(v), Math.log(a), Math.log(b)] : [v, a, b];
  return hi === lo ? 0.5 : (x - lo) / (hi - lo);
}

/** Log-scale ticks: the powers of ten inside, with 2 and 5 when there are few decades. */
function logTicks(lo: number, hi: number, count: number): number[] {
  const e0 = Math.floor(Math.log10(lo));
  const e1 = Math.ceil(Math.log10(hi));
  const steps = e1 - e0 <= count / 3 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil((e1 - e0 + 1) / Math.max(1, count)));
  const out: number[] = [];
  for (let e = e0; e <= e1; e += steps.length > 1 ? 1 : every) {
    for (const m of steps) {
      const v = Number(`${m}e${e}`);
      if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push(v);
    }
  }
  return out.length > 0 ? out : [lo, hi];
}

/** Builds a colour scale from its spec (an invalid log domain falls back to linear). */
export function makeColorScale(spec: ColorScaleSpec): ColorScale {
  if (spec.kind === 'diverging') {
    const [lo, mid, hi] = spec.domain;
    const interpolate = DIVERGING[spec.scheme ?? 'RdBu'];
    const d3 = scaleDiverging(spec.reverse ? (t: number) => interpolate(1 - t) : interpolate)
      .domain([lo, mid, hi])
      .clamp(true);
    const scale = ((v: number) => (Number.isFinite(v) ? d3(v) : null)) as ColorScale;
    scale.spec = spec;
    scale.valueAt = (t) => lo + clamp01(t) * (hi - lo);
    scale.position = (v) => clamp01(fraction(v, lo, hi, false));
    scale.ticks = (count = 5) => arrayTicks(Math.min(lo, hi), Math.max(lo, hi), count);
    return scale;
  }
  const [lo, hi] = spec.domain;
  const log = spec.log === true && lo > 0 && hi > 0;
  const base = SEQUENTIAL[spec.scheme ?? 'viridis'];
  const interpolate = spec.reverse ? (t: number) => base(1 - t) : base;
  const d3 = (log ? scaleSequentialLog(interpolate) : scaleSequential(interpolate))
    .domain([lo, hi])
    .clamp(true);
  const scale = ((v: number) =>
    Number.isFinite(v) && (!log || v > 0) ? d3(v) : log && v <= 0 ? d3(lo) : null) as ColorScale;
  scale.spec = spec;
  scale.valueAt = (t) =>
    log
      ? Math.exp(Math.log(lo) + clamp01(t) * (Math.log(hi) - Math.log(lo)))
      : lo + clamp01(t) * (hi - lo);
  scale.position = (v) => clamp01(fraction(log && v <= 0 ? lo : v, lo, hi, log));
  scale.ticks = (count = 5) =>
    log
      ? logTicks(Math.min(lo, hi), Math.max(lo, hi), count)
      : arrayTicks(Math.min(lo, hi), Math.max(lo, hi), count);
  return scale;
}

/** The sRGB channels (0–255) of "#rrggbb", "#rgb" or "rgb(r, g, b)"; null for anything else. */
export function parseRgb(color: string): [number, number, number] | null {
  const c = color.trim();
  let m = /^#([0-9a-f]{6})$/i.exec(c);
  if (m) {
    const n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (m) return [m[1], m[2], m[3]].map((h) => parseInt(h + h, 16)) as [number, number, number];
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return null;
}

/** WCAG relative luminance of a colour (0 black … 1 white); 0.5 when it cannot be parsed. */
export function relativeLuminance(color: string): number {
  const rgb = parseRgb(color);
  if (!rgb) return 0.5;
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Whether text on a cell of this colour should be light: when white text contrasts
 * more than near-black text does (WCAG contrast ratios against #fff and #111).
 */
export function wantsLightText(color: string): boolean {
  const l = relativeLuminance(color);
  const dark = 0.0056; // luminance of #111
  return 1.05 / (l + 0.05) > (l + 0.05) / (dark + 0.05);
}

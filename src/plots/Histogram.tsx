import { bin } from 'd3-array';
import { memo, useMemo } from 'react';
import { denseClass } from './denseStyles';
import { useFrame, type ContinuousScale } from './frame';
import { cx, toneClass, type Tone } from './tones';
import './kit-dense.css';

/** A histogram bin: its data interval and how many samples fell in it. */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

/** The bins of a sample and what fell outside them. */
export interface BinnedSample {
  bins: HistogramBin[];
  /** Finite samples outside the domain, and NaN/±∞ samples: neither is in a bin. */
  outside: number;
  nonFinite: number;
  /** Every sample given: the bins' counts + outside + nonFinite. */
  total: number;
}

/**
 * Bins samples over a domain with d3-array's `bin`: `thresholds` a count (nice round
 * edges) or explicit edges. The last bin includes its upper edge.
 */
export function binSamples(
  samples: readonly number[],
  domain: readonly [number, number],
  thresholds: number | readonly number[] = 20,
): BinnedSample {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  const finite = samples.filter(Number.isFinite);
  const gen = bin<number, number>().domain([lo, hi]);
  if (typeof thresholds === 'number') gen.thresholds(thresholds);
  else gen.thresholds([...thresholds].filter((t) => t > lo && t < hi));
  const bins = gen(finite).map((b) => ({ x0: b.x0 ?? lo, x1: b.x1 ?? hi, count: b.length }));
  const inside = bins.reduce((s, b) => s + b.count, 0);
  return {
    bins,
    outside: finite.length - inside,
    nonFinite: samples.length - finite.length,
    total: samples.length,
  };
}

/** What the bar heights show: counts, fractions of the sample, or a probability density. */
export type HistogramNormalize = 'count' | 'frequency' | 'density';

/** A bar of a histogram in the frame's inner pixels, with the height it shows. */
export interface HistogramBar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  /** The expected value in the same units, or null. */
  expected: number | null;
  expectedY: number | null;
}

/** The value of a bin in the chosen units (`total` the sample count the units refer to). */
export function binValue(
  count: number,
  total: number,
  binWidth: number,
  normalize: HistogramNormalize,
): number {
  if (normalize === 'count') return count;
  if (total <= 0) return 0;
  return normalize === 'frequency' ? count / total : binWidth > 0 ? count / total / binWidth : 0;
}

/** Bar positions for bins (over data intervals) or categories (at x = 0, 1, …). */
export function histogramLayout(
  items: readonly { x0: number; x1: number; count: number }[],
  total: number,
  x: ContinuousScale,
  y: ContinuousScale,
  {
    normalize = 'count',
    expected,
    gap = 1,
  }: {
    normalize?: HistogramNormalize;
    /** Expected probability of each bin or category (sums to 1 over all of them). */
    expected?: readonly number[];
    gap?: number;
  } = {},
): HistogramBar[] {
  const [d0, d1] = y.domain();
  const base = y(Math.min(Math.max(0, Math.min(d0, d1)), Math.max(d0, d1)));
  return items.map((b, i) => {
    const w = b.x1 - b.x0;
    const value = binValue(b.count, total, w, normalize);
    const p = expected?.[i];
    const e =
      p === undefined || !Number.isFinite(p)
        ? null
        : normalize === 'count'
          ? p * total
          : normalize === 'frequency'
            ? p
            : w > 0
              ? p / w
              : null;
    const left = Math.min(x(b.x0), x(b.x1));
    const right = Math.max(x(b.x0), x(b.x1));
    const top = y(value);
    const width = Math.max(0, right - left - gap);
    return {
      x: left + Math.min(gap, right - left) / 2,
      y: Math.min(top, base),
      width,
      height: Math.abs(base - top),
      value,
      expected: e,
      expectedY: e === null ? null : y(e),
    };
  });
}

/** Categories as unit intervals centred on 0, 1, …, `width` wide (a bar chart of counts). */
export function categoryBins(
  counts: readonly number[],
  width = 0.8,
): { x0: number; x1: number; count: number }[] {
  return counts.map((count, i) => ({ x0: i - width / 2, x1: i + width / 2, count }));
}

/** The x domain that shows `k` categories at 0 … k−1, each half a unit from the edges. */
export function categoryDomain(k: number): [number, number] {
  return [-0.5, Math.max(0, k) - 0.5];
}

/** The largest bar or expected value in the chosen units: the y domain's top for a page. */
export function histogramMax(bars: readonly { value: number; expected: number | null }[]): number {
  return Math.max(
    0,
    ...bars.map((b) => Math.max(b.value, b.expected ?? 0)).filter(Number.isFinite),
  );
}

/** Props of `Histogram`. */
export type HistogramProps = {
  normalize?: HistogramNormalize;
  /** Expected probabilities per bin or category, drawn as dashed ticks and dots over the bars. */
  expected?: readonly number[];
  tone?: Tone;
  className?: string;
} & (
  | {
      /** Samples binned over the frame's x domain. */
      samples: readonly number[];
      thresholds?: number | readonly number[];
      counts?: never;
    }
  | {
      /** Counts of categories 0 … k−1 (frame x domain `categoryDomain(k)`). */
      counts: readonly number[];
      samples?: never;
      thresholds?: never;
    }
);

/**
 * A histogram in the frame: counts, frequencies or densities over bins of samples (d3-array
 * `bin`, over the frame's x domain) or over categories, with an optional overlay of the
 * expected probabilities (a running sampler against its distribution).
 */
export const Histogram = memo(function Histogram(props: HistogramProps) {
  const { normalize = 'count', expected, tone = 'sym1', className } = props;
  const frame = useFrame();
  const { samples, counts, thresholds } = props;
  const items = useMemo(() => {
    if (counts) return { list: categoryBins(counts), total: counts.reduce((s, c) => s + c, 0) };
    const binned = binSamples(
      samples ?? [],
      frame.x.domain() as [number, number],
      thresholds ?? 20,
    );
    return { list: binned.bins, total: binned.total };
  }, [counts, samples, thresholds, frame.x]);
  const bars = useMemo(
    () => histogramLayout(items.list, items.total, frame.x, frame.y, { normalize, expected }),
    [items, frame.x, frame.y, normalize, expected],
  );
  return (
    <g className={cx('kd-histogram', toneClass(tone), className)} aria-hidden="true">
      {bars.map((b, i) =>
        b.height > 0 && Number.isFinite(b.y) ? (
          <rect
            key={i}
            className={denseClass('hist-bar')}
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            data-index={i}
          />
        ) : null,
      )}
      {bars.map((b, i) =>
        b.expectedY !== null && Number.isFinite(b.expectedY) ? (
          <g key={`e${i}`} className="kd-hist-expected-group">
            <line
              className={denseClass('hist-expected')}
              x1={b.x}
              x2={b.x + b.width}
              y1={b.expectedY}
              y2={b.expectedY}
            />
            <circle
              className={denseClass('hist-expected-point')}
              cx={b.x + b.width / 2}
              cy={b.expectedY}
              r={3.5}
            />
          </g>
        ) : null,
      )}
    </g>
  );
});

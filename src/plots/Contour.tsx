import { ticks as arrayTicks } from 'd3-array';
import { contours } from 'd3-contour';
import { memo, useEffect, useMemo } from 'react';
import { makeColorScale, type ColorScale, type SequentialScheme } from './colorScale';
import { denseClass } from './denseStyles';
import { useFrame, type ContinuousScale } from './frame';
import { cx, toneClass, type Tone } from './tones';
import './kit-dense.css';

/** A function sampled on a grid laid evenly over the frame's inner pixels. */
export interface SampledGrid {
  /** Row-major values, row 0 at the top: index i + j·nx. */
  values: Float64Array;
  nx: number;
  ny: number;
  /** The pixel rectangle the grid spans: its top-left corner and size. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** The finite values' range ([NaN, NaN] when there are none). */
  min: number;
  max: number;
  /** How many samples were NaN or ±∞. */
  nonFinite: number;
}

/**
 * Samples f(x, y) at nx × ny points spread evenly over the frame's inner pixels, from
 * corner to corner (so a log axis is sampled evenly in logs), at the data values the
 * scales give there.
 */
export function sampleGrid(
  f: (x: number, y: number) => number,
  x: ContinuousScale,
  y: ContinuousScale,
  nx: number,
  ny: number,
): SampledGrid {
  const cols = Math.max(2, Math.round(nx));
  const rows = Math.max(2, Math.round(ny));
  const [r0, r1] = x.range();
  const [s0, s1] = y.range();
  const left = Math.min(r0, r1);
  const top = Math.min(s0, s1);
  const width = Math.abs(r1 - r0);
  const height = Math.abs(s1 - s0);
  const xs = Array.from({ length: cols }, (_, i) => x.invert(left + (width * i) / (cols - 1)));
  const values = new Float64Array(cols * rows);
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let j = 0; j < rows; j++) {
    const vy = y.invert(top + (height * j) / (rows - 1));
    for (let i = 0; i < cols; i++) {
      const v = f(xs[i], vy);
      values[i + j * cols] = v;
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      } else nonFinite++;
    }
  }
  if (min > max) min = max = NaN;
  return { values, nx: cols, ny: rows, left, top, width, height, min, max, nonFinite };
}

/** How thresholds are spread: evenly, or evenly in logs (losses spanning decades). */
export type ThresholdSpacing = 'linear' | 'log';

/**
 * About `count` contour levels strictly inside [min, max]: nice round values when linear;
 * geometric when log, from the smallest positive value (but at most `decades` below max)
 * to max. Always increasing and finite; empty when the range is empty or not finite.
 */
export function contourThresholds(
  min: number,
  max: number,
  count = 10,
  spacing: ThresholdSpacing = 'linear',
  { minPositive, decades = 6 }: { minPositive?: number; decades?: number } = {},
): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min) || count < 1) return [];
  if (spacing === 'log' && max > 0) {
    const lo0 = min > 0 ? min : (minPositive ?? max * 10 ** -decades);
    const lo = Math.max(lo0, max * 10 ** -decades);
    if (!(lo > 0) || !(lo < max)) return [];
    const a = Math.log(lo);
    const b = Math.log(max);
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      const t = Math.exp(a + ((b - a) * (k + 0.5)) / count);
      if (Number.isFinite(t) && t > min && t < max && (out.length === 0 || t > out[out.length - 1]))
        out.push(t);
    }
    return out;
  }
  // nice ticks; where the span is too small for them (subnormal steps), even steps instead
  const span = max - min;
  const nice = Number.isFinite(span) && span > Math.abs(max) * 1e-12 && span > 1e-290;
  const raw = nice
    ? arrayTicks(min, max, count)
    : Array.from({ length: count }, (_, k) => min + (span * (k + 1)) / (count + 1));
  return raw.filter(
    (t, i) => Number.isFinite(t) && t > min && t < max && (i === 0 || t > raw[i - 1]),
  );
}

/** One contour level drawn as a path in the frame's inner pixels. */
export interface ContourLevel {
  value: number;
  /** Path data of the region where f ≥ value, for a filled band; '' when empty. */
  d: string;
  /** The level line alone: the region's outline without its stretches along the grid's edge. */
  line: string;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The level regions of a sampled grid as SVG path data in the frame's inner pixels: one
 * path per threshold (d3-contour's MultiPolygon of that level, its grid coordinates mapped
 * to the pixels of the samples, the outer ring clamped to the sampled area). NaN samples
 * count as below every level, +∞ above; no coordinate is ever NaN.
 */
export function contourPaths(grid: SampledGrid, thresholds: readonly number[]): ContourLevel[] {
  const levels = thresholds.filter(Number.isFinite);
  if (levels.length === 0) return [];
  const gen = contours().size([grid.nx, grid.ny]).thresholds(levels);
  // d3-contour treats NaN as below every level; −∞ the same, and +∞ above every one
  const values = Array.from(grid.values, (v) => (Number.isNaN(v) ? -Infinity : v));
  const sx = grid.width / (grid.nx - 1);
  const sy = grid.height / (grid.ny - 1);
  const px = (g: number) => round(grid.left + Math.min(grid.nx - 1, Math.max(0, g - 0.5)) * sx);
  const py = (g: number) => round(grid.top + Math.min(grid.ny - 1, Math.max(0, g - 0.5)) * sy);
  // which edges of the grid a point lies on (bit flags), for leaving them out of a line
  const edges = (gx: number, gy: number) =>
    (gx <= 0.5 ? 1 : 0) |
    (gx >= grid.nx - 0.5 ? 2 : 0) |
    (gy <= 0.5 ? 4 : 0) |
    (gy >= grid.ny - 0.5 ? 8 : 0);
  return gen(values).map((mp) => {
    let d = '';
    let line = '';
    for (const polygon of mp.coordinates) {
      for (const ring of polygon) {
        let first = true;
        let prevEdges = 0;
        for (const [gx, gy] of ring) {
          const X = px(gx);
          const Y = py(gy);
          if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
          d += `${first ? 'M' : 'L'}${X},${Y}`;
          const e = edges(gx, gy);
          // a stretch between two points on the same edge of the grid is the band's border, not a level line
          if (!first && !(e & prevEdges)) line += `L${X},${Y}`;
          else line += `M${X},${Y}`;
          prevEdges = e;
          first = false;
        }
        if (!first) d += 'Z';
      }
    }
    return { value: mp.value, d, line: line.replace(/M[^ML]+(?=M|$)/g, '') };
  });
}

/** Props of `Contour`. */
export interface ContourProps {
  /** The function drawn, in data coordinates; non-finite values are allowed. */
  f: (x: number, y: number) => number;
  /** Samples across the inner width; rows follow the aspect ratio. Default 80. */
  resolution?: number;
  /** Levels: a count (spread by `spacing`) or explicit values. */
  thresholds?: number | readonly number[];
  spacing?: ThresholdSpacing;
  /** Filled bands in a sequential scale (default), lines, or both. */
  bands?: boolean;
  lines?: boolean;
  scheme?: SequentialScheme;
  /** The lines' tone when there are no bands. */
  tone?: Tone;
  /** Receives the levels drawn and their colour scale (for a `ColorKey`). */
  onLevels?: (levels: readonly number[], color: ColorScale | null) => void;
}

/** The contour computation of `Contour`, for pages that also need its numbers. */
export function contourLayout(
  f: (x: number, y: number) => number,
  x: ContinuousScale,
  y: ContinuousScale,
  {
    resolution = 80,
    thresholds = 10,
    spacing = 'linear',
    scheme = 'viridis',
  }: Pick<ContourProps, 'resolution' | 'thresholds' | 'spacing' | 'scheme'> = {},
) {
  const [r0, r1] = x.range();
  const [s0, s1] = y.range();
  const w = Math.abs(r1 - r0);
  const h = Math.abs(s1 - s0);
  const nx = Math.max(2, Math.round(resolution));
  const ny = Math.max(2, Math.round((resolution * h) / Math.max(1, w)));
  const grid = sampleGrid(f, x, y, nx, ny);
  let minPositive = Infinity;
  for (const v of grid.values) if (v > 0 && v < minPositive) minPositive = v;
  const levels =
    typeof thresholds === 'number'
      ? contourThresholds(grid.min, grid.max, thresholds, spacing, {
          minPositive: Number.isFinite(minPositive) ? minPositive : undefined,
        })
      : [...thresholds].filter(Number.isFinite).sort((a, b) => a - b);
  const log = spacing === 'log' && levels.length > 0 && levels[0] > 0;
  const color =
    levels.length > 0
      ? makeColorScale({
          kind: 'sequential',
          domain: [levels[0], levels[levels.length - 1]],
          scheme,
          log,
        })
      : null;
  return { grid, levels, paths: contourPaths(grid, levels), color };
}

/**
 * A contour plot of f(x, y) over the frame's domains: filled bands (one path per level,
 * coloured by a sequential scale) and/or level lines. Draw a `Trajectory` over it.
 */
export const Contour = memo(function Contour({
  f,
  resolution = 80,
  thresholds = 10,
  spacing = 'linear',
  bands = true,
  lines = !bands,
  scheme = 'viridis',
  tone = 'axis',
  onLevels,
}: ContourProps) {
  const frame = useFrame();
  const { levels, paths, color } = useMemo(
    () => contourLayout(f, frame.x, frame.y, { resolution, thresholds, spacing, scheme }),
    [f, frame.x, frame.y, resolution, thresholds, spacing, scheme],
  );
  useEffect(() => onLevels?.(levels, color), [onLevels, levels, color]);
  return (
    <g className={cx('kd-contour', bands && 'has-bands', toneClass(tone))} aria-hidden="true">
      {bands &&
        paths.map((p) =>
          p.d ? (
            <path
              key={`b${p.value}`}
              className={denseClass('contour-band')}
              d={p.d}
              fill={color?.(p.value) ?? undefined}
              data-value={p.value}
            />
          ) : null,
        )}
      {lines &&
        paths.map((p) =>
          p.line ? (
            <path
              key={`l${p.value}`}
              className={denseClass('contour-line')}
              d={p.line}
              data-value={p.value}
            />
          ) : null,
        )}
    </g>
  );
});

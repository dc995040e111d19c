import { line } from 'd3-shape';
import { memo, useMemo } from 'react';
import { useFrame, type ContinuousScale } from './frame';
import { cx, strokeClass, toneClass, type StrokeStyle, type Tone } from './tones';

/** A sampled curve in inner-group pixels; null marks a break (a non-finite value, an asymptote). */
export type CurvePoints = ([number, number] | null)[];

/** How finely `sampleCurve` samples. */
export interface SampleOptions {
  /** Evenly spaced starting samples across the width; default 96. */
  samples?: number;
  /** Halvings of an interval whose midpoint leaves the chord; default 6. */
  depth?: number;
  /** Chord deviation in px that asks for a halving; default 0.5. */
  tolerance?: number;
  /** The part of the x domain to sample (data units); default the frame's whole x domain. */
  domain?: readonly [number, number];
}

/** Pixels farther than this many plot heights off the plot are clamped (a path of sane numbers). */
const FAR = 8;

/**
 * Samples y = f(x) at evenly spaced pixels of `x` (so a log axis is sampled
 * evenly on screen), halving intervals where the curve bends away from its
 * chord, and breaks the line at non-finite values and at jumps across the
 * plot (asymptotes), so no NaN or wrap-around reaches the path.
 */
export function sampleCurve(
  f: (x: number) => number,
  x: ContinuousScale,
  y: ContinuousScale,
  height: number,
  { samples = 96, depth = 6, tolerance = 0.5, domain }: SampleOptions = {},
): CurvePoints {
  const [d0, d1] = domain ?? (x.domain() as [number, number]);
  const p0 = x(d0);
  const p1 = x(d1);
  if (!Number.isFinite(p0) || !Number.isFinite(p1)) return [];
  const lim = Math.max(height, 1) * FAR;
  const at = (px: number): [number, number] | null => {
    const vx = x.invert(px);
    const vy = Number.isFinite(vx) ? f(vx) : NaN;
    const py = Number.isFinite(vy) ? y(vy) : NaN;
    if (!Number.isFinite(py)) return null;
    return [px, Math.max(-lim, Math.min(height + lim, py))];
  };
  const out: CurvePoints = [];
  const push = (p: [number, number] | null) => {
    if (p === null && (out.length === 0 || out[out.length - 1] === null)) return;
    out.push(p);
  };
  const refine = (
    a: [number, number] | null,
    b: [number, number] | null,
    pa: number,
    pb: number,
    level: number,
  ) => {
    const pm = (pa + pb) / 2;
    if (level >= depth) {
      // a jump across the whole plot at the finest level is an asymptote, not a line
      if (a && b && Math.abs(b[1] - a[1]) > height) push(null);
      push(b);
      return;
    }
    const m = at(pm);
    const smooth =
      a !== null &&
      b !== null &&
      m !== null &&
      Math.abs(m[1] - (a[1] + b[1]) / 2) <= tolerance &&
      Math.abs(b[1] - a[1]) <= height;
    if (smooth || (a === null && b === null && m === null)) {
      push(b);
      return;
    }
    refine(a, m, pa, pm, level + 1);
    refine(m, b, pm, pb, level + 1);
  };
  const n = Math.max(1, Math.round(samples));
  let prev = at(p0);
  push(prev);
  for (let i = 1; i <= n; i++) {
    const pa = p0 + ((p1 - p0) * (i - 1)) / n;
    const pb = p0 + ((p1 - p0) * i) / n;
    const next = at(pb);
    refine(prev, next, pa, pb, 0);
    prev = next;
  }
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

/** The SVG path of sampled points, one subpath per unbroken run ('' when nothing is finite). */
export function curvePath(points: CurvePoints): string {
  const path = line<[number, number] | null>()
    .defined((p) => p !== null)
    .x((p) => p![0])
    .y((p) => p![1]);
  return path(points) ?? '';
}

/** Props of `Curve`. */
export interface CurveProps extends SampleOptions {
  /** The function drawn, y = f(x), in data units. */
  f: (x: number) => number;
  tone?: Tone;
  stroke?: StrokeStyle;
  /** The faint stroke width (a comparison curve). */
  thin?: boolean;
  className?: string;
}

/** A function y = f(x) drawn over the frame's x domain, smooth and broken where f is not finite. */
export const Curve = memo(function Curve({
  f,
  tone = 'sym1',
  stroke = 'solid',
  thin = false,
  className,
  samples,
  depth,
  tolerance,
  domain,
}: CurveProps) {
  const { x, y, innerHeight } = useFrame();
  const lo = domain?.[0];
  const hi = domain?.[1];
  const d = useMemo(
    () =>
      curvePath(
        sampleCurve(f, x, y, innerHeight, {
          samples,
          depth,
          tolerance,
          domain: lo !== undefined && hi !== undefined ? [lo, hi] : undefined,
        }),
      ),
    [f, x, y, innerHeight, samples, depth, tolerance, lo, hi],
  );
  return (
    <path
      className={cx('kit-line', toneClass(tone), strokeClass(stroke), thin && 'is-thin', className)}
      d={d}
      aria-hidden="true"
    />
  );
});

/** A closed interval [from, to] of the x-axis. */
export type Interval = readonly [number, number];

/**
 * The parts of `domain` where |df(x)| < threshold, as intervals: sampled on a
 * grid, each boundary refined by bisection. Used to shade "gradient ≈ 0".
 */
export function vanishingIntervals(
  df: (x: number) => number,
  domain: readonly [number, number],
  threshold: number,
  samples = 400,
): Interval[] {
  const [a, b] = domain;
  const inside = (x: number) => Math.abs(df(x)) < threshold;
  const refine = (lo: number, hi: number): number => {
    // lo and hi lie on opposite sides of a boundary; shrink until tight.
    const loIn = inside(lo);
    for (let k = 0; k < 60 && hi - lo > 1e-12; k++) {
      const mid = (lo + hi) / 2;
      if (inside(mid) === loIn) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const out: Interval[] = [];
  let start: number | null = inside(a) ? a : null;
  let prev = a;
  for (let k = 1; k <= samples; k++) {
    const x = a + ((b - a) * k) / samples;
    const now = inside(x);
    if (now && start === null) start = refine(prev, x);
    else if (!now && start !== null) {
      out.push([start, refine(prev, x)]);
      start = null;
    }
    prev = x;
  }
  if (start !== null) out.push([start, b]);
  return out;
}

import { fail } from './validate';

/**
 * Seeded pseudo-random numbers: the same seed gives the same sequence in every
 * browser, in Node and in a Worker. The state lives in the returned closure,
 * never in the module.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** Largest seed: 2³² − 1. */
export const MAX_SEED = 0xffffffff;

/** Whether `seed` is an integer in 0 … 2³² − 1. */
export function isSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/**
 * mulberry32 (Tommy Ettinger): $s \leftarrow s + \texttt{0x6D2B79F5} \bmod 2^{32}$, $u = \mathrm{mix}(s) / 2^{32} \in [0, 1)$.
 */
export function createRandom(seed: number): Random {
  if (!isSeed(seed)) {
    fail('createRandom', 'seed', `must be an integer in 0 … 4294967295, got ${String(seed)}`);
  }
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box–Muller: $z = \sqrt{-2 \ln(1 - u_1)}\,\cos(2\pi u_2)$. */
export function normalSample(random: Random, mean = 0, sd = 1): number {
  if (!Number.isFinite(mean)) fail('normalSample', 'mean', `must be a finite number, got ${mean}`);
  if (!(sd >= 0) || !Number.isFinite(sd)) {
    fail('normalSample', 'sd', `must be >= 0 and finite, got ${sd}`);
  }
  const u1 = random();
  const u2 = random();
  // 1 − u1 is in (0, 1]: the log is finite
  return mean + sd * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

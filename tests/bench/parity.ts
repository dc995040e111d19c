/**
 * The untimed check that both sides of a benchmark compute the same numbers,
 * so that a speed comparison is between equal results. It throws a plain
 * Error (the bench file fails to load) rather than reporting a test.
 */

/** Nested numbers as either side returns them: plain arrays or typed arrays. */
export type Numbers = ArrayLike<number> | readonly ArrayLike<number>[];

function flatten(values: Numbers): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') out.push(v);
    else for (let j = 0; j < v.length; j++) out.push(v[j]);
  }
  return out;
}

/**
 * Throws unless ours and theirs have the same number of elements and every
 * pair satisfies |ours − theirs| ≤ abs + rel·|ours|.
 */
export function assertParity(
  what: string,
  ours: Numbers,
  theirs: Numbers,
  { rel, abs }: { rel: number; abs: number },
): void {
  const a = flatten(ours);
  const b = flatten(theirs);
  if (a.length !== b.length) {
    throw new Error(`${what}: ours has ${a.length} values, TensorFlow.js ${b.length}`);
  }
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < a.length; i++) {
    const excess = Math.abs(a[i] - b[i]) - (abs + rel * Math.abs(a[i]));
    if (!(excess <= 0) && (worst < 0 || !(excess <= worstExcess))) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst >= 0) {
    throw new Error(
      `${what}: ours and TensorFlow.js differ at element ${worst}: ` +
        `${a[worst]} vs ${b[worst]} (allowed rel ${rel}, abs ${abs})`,
    );
  }
}

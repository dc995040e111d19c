/**
 * `fn`, remembering its newest call: called again with the same arguments (by
 * `Object.is`), it returns the same result object. A compute that builds an object
 * the plot memoizes on (a loss surface, a data set) keeps it while other values
 * change, so the plot does not redraw what stayed the same.
 */
export function memoLast<A extends readonly unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (
      last &&
      last.args.length === args.length &&
      last.args.every((v, i) => Object.is(v, args[i]))
    )
      return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

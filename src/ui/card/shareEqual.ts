const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * `next`, with every part that equals the same part of `prev` replaced by
 * `prev`'s (structural sharing, as TanStack Query's `replaceEqualDeep` does):
 * a compute returns new objects on every tick, and this keeps the identity of
 * what did not change, so a memoized plot part whose data is the same skips its
 * render. Plain objects and arrays are compared part by part, numbers with
 * `Object.is`; anything else (typed arrays, maps, functions) only by identity.
 * Returns `prev` itself when the two are equal throughout.
 */
export function shareEqual<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const parts = next.map((v: unknown, i) => (i < prev.length ? shareEqual(prev[i], v) : v));
    return pick(
      prev,
      next,
      parts,
      prev.length === next.length && parts.every((v, i) => Object.is(v, prev[i])),
    );
  }
  if (isPlain(prev) && isPlain(next)) {
    const keys = Object.keys(next);
    const parts = keys.map((k) =>
      Object.hasOwn(prev, k) ? shareEqual(prev[k], next[k]) : next[k],
    );
    const same =
      keys.length === Object.keys(prev).length &&
      keys.every((k, i) => Object.hasOwn(prev, k) && Object.is(parts[i], prev[k]));
    if (same) return prev as T;
    const copy = Object.create(Object.getPrototypeOf(next) as object | null) as Record<
      string,
      unknown
    >;
    keys.forEach((k, i) => (copy[k] = parts[i]));
    return pick(prev, next, copy, false);
  }
  return next;
}

/** `prev` when equal throughout; else `next` itself unless some part of it was swapped for prev's. */
function pick<T>(prev: unknown, next: T, shared: unknown, same: boolean): T {
  if (same) return prev as T;
  const parts = Array.isArray(next) ? next : Object.values(next as object);
  const sharedParts = Array.isArray(shared) ? shared : Object.values(shared as object);
  return (parts.every((v, i) => Object.is(v, sharedParts[i])) ? next : shared) as T;
}

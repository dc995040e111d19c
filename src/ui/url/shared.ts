import type { Param, ParamValue, Values } from '../card/types';
import { clampToParam, defaultValues, normalizeValues } from '../card/values';
import { serializeParams } from './params';

/**
 * Values that travel along a link: a param that declares `shares: 'logits'` (or any quantity
 * name) hands its value to the param of the linked page that shares the same quantity, so the
 * reader keeps the same example across pages (the related links, src/ui/shell/Related.tsx).
 */

/** The value of `from` fitted to `to`: clamped into its range, a vector to its length. */
function fit(
  from: Param,
  v: ParamValue,
  to: Param,
  toParams: readonly Param[],
  out: Record<string, ParamValue>,
): boolean {
  if (to.kind === 'scalar' && typeof v === 'number' && from.kind === 'scalar') {
    out[to.name] = clampToParam(to, v);
    return true;
  }
  if (to.kind === 'vector' && Array.isArray(v) && v.every((x) => typeof x === 'number')) {
    const xs = v as number[];
    // a length that follows an integer param takes the carried vector's length when it can
    if (typeof to.length !== 'number') {
      const len = toParams.find((p) => p.name === (to.length as { param: string }).param);
      if (len?.kind === 'scalar') out[len.name] = clampToParam(len, xs.length);
    }
    out[to.name] = xs.map((x) => clampToParam(to, x));
    return true;
  }
  return false;
}

/**
 * The query entries that carry the shared quantities of a page's values to a page with params
 * `toParams`: for each of the target's params that shares a quantity with one of `fromParams`,
 * the value fitted to it (range, length; a length param it follows comes along), written as the
 * target writes its own URL (values equal to the target's defaults are left out). Params that
 * share nothing, or quantities of different kinds, carry nothing.
 */
export function carriedValues(
  fromParams: readonly Param[],
  values: Values,
  toParams: readonly Param[],
): [string, string][] {
  const carried: Record<string, ParamValue> = {};
  for (const to of toParams) {
    if (!to.shares) continue;
    const from = fromParams.find((p) => p.shares === to.shares);
    const v = from ? values[from.name] : undefined;
    if (from && v !== undefined) fit(from, v, to, toParams, carried);
  }
  const names = Object.keys(carried);
  if (names.length === 0) return [];
  const target = normalizeValues(toParams, { ...defaultValues(toParams), ...carried });
  return serializeParams(toParams, target).filter(([k]) => names.includes(k));
}

/** Whether any of a page's params shares a quantity (only then do its links carry values). */
export function sharesAny(params: readonly Param[]): boolean {
  return params.some((p) => p.shares !== undefined);
}

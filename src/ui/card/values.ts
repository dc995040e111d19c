import { MINUS, formatFixed, formatNumber } from '../../plots/formatNumber';
import type {
  ChoiceParam,
  MatrixParam,
  Param,
  ParamValue,
  ScalarParam,
  SeedParam,
  TimeParam,
  Values,
  VectorParam,
} from './types';

/** Largest seed: 2³² − 1 (as `MAX_SEED` in `src/math/random.ts`). */
export const SEED_MAX = 0xffffffff;

/** Playing speeds of a time param without its own, in steps per second. */
export const DEFAULT_SPEEDS: readonly number[] = [1, 2, 5, 10, 30];

/** Params with a numeric range (scalars, vectors, matrices). */
export type RangedParam = ScalarParam | VectorParam | MatrixParam;

/** Number of decimals written in a step (0.01 → 2, 0.25 → 2, 1 → 0), at most 6. */
export function stepDecimals(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  const s = String(step);
  const exp = /e-(\d+)$/.exec(s);
  const mantissa = exp ? s.slice(0, s.indexOf('e')) : s;
  const dot = mantissa.indexOf('.');
  const d = (dot < 0 ? 0 : mantissa.length - dot - 1) + (exp ? Number(exp[1]) : 0);
  return Math.min(6, d);
}

/** `x` snapped to the grid `min + k·step` of a linear slider. */
export function snapToStep(x: number, min: number, step: number): number {
  if (!(step > 0)) return x;
  const v = min + Math.round((x - min) / step) * step;
  return Number(v.toFixed(Math.max(stepDecimals(step), stepDecimals(Math.abs(min)))));
}

/** `x` clamped to `[min, max]`; NaN becomes `min`, -0 becomes 0. */
export function clamp(x: number, min: number, max: number): number {
  if (Number.isNaN(x)) return min;
  const v = Math.min(max, Math.max(min, x));
  return v === 0 ? 0 : v;
}

/** A number brought into a param's range (and rounded for integer params). */
export function clampToParam(param: RangedParam, x: number): number {
  const v = param.kind === 'scalar' && param.integer ? Math.round(x) : x;
  return clamp(v, param.min, param.max);
}

/** Rounds to `digits` significant digits (log-scale slider values). */
export function roundSignificant(x: number, digits = 3): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** Step of a log-scale slider, in log10 units. */
export const LOG_STEP = 0.01;

/** Slider position → value for a log-scale param (10^pos, 3 significant digits, clamped). */
export function fromLogPosition(param: ScalarParam, pos: number): number {
  return clamp(roundSignificant(10 ** pos, 3), param.min, param.max);
}

/** Value → slider position for a log-scale param. */
export function toLogPosition(value: number): number {
  return Math.log10(value);
}

/** Whether a scalar runs on a log scale (needs a positive range). */
export function isLog(param: ScalarParam): boolean {
  return param.scale === 'log' && param.min > 0;
}

/**
 * A value as shown next to its slider: at least the step's decimals, up to 4,
 * no trailing noise; a true minus sign unless `ascii` (number fields).
 */
export function formatValue(step: number, x: number, integer = false, ascii = false): string {
  if (!Number.isFinite(x)) return String(x);
  if (integer) return String(Math.round(x));
  const min = stepDecimals(step);
  // a true minus and no "−0" (formatFixed), then the trailing zeros past the step's decimals go
  let s = formatFixed(x, Math.max(min, 4));
  const dot = s.indexOf('.');
  if (dot >= 0) {
    while (s.length - dot - 1 > min && s.endsWith('0')) s = s.slice(0, -1);
    if (s.endsWith('.')) s = s.slice(0, -1);
  }
  if (s === `${MINUS}0`) s = '0';
  // a value too small for the step's decimals (λ = 10⁻⁸ on a log slider) is written in
  // three significant digits rather than read as 0
  if (Math.abs(Number(s.replace(MINUS, '-')) - x) > 1e-3 * Math.abs(x)) {
    return ascii
      ? String(Number(x.toPrecision(3)))
      : formatNumber(x, { digits: 3, notation: 'significant' });
  }
  return ascii ? s.replace(MINUS, '-') : s;
}

/** The length of a vector or row count of a matrix, resolved against the current values. */
export function resolveLength(
  len: number | { param: string },
  params: readonly Param[],
  values: Values,
  available: number,
): number {
  let n: number;
  if (typeof len === 'number') {
    n = len;
  } else {
    const source = params.find((p) => p.name === len.param);
    const v = values[len.param];
    n = typeof v === 'number' ? v : source && source.kind === 'scalar' ? source.default : available;
  }
  if (!Number.isFinite(n)) n = available;
  return Math.max(
    0,
    Math.min(Math.round(n), Math.max(available, typeof len === 'number' ? len : 0)),
  );
}

/** Expected length of a vector param under the given values. */
export function vectorLength(param: VectorParam, params: readonly Param[], values: Values): number {
  return resolveLength(param.length, params, values, param.default.length);
}

/**
 * The most entries (vector) or rows (matrix) a param can have: its declared
 * defaults cover the largest length, so this is the default's length when the
 * length follows another param.
 */
export function maxLength(param: VectorParam | MatrixParam): number {
  const len = param.kind === 'vector' ? param.length : param.rows;
  return typeof len === 'number' ? len : param.default.length;
}

/** Entry i of a vector param at its default, or row i of a matrix param, clamped to the range. */
export function defaultEntry(param: VectorParam, i: number): number;
export function defaultEntry(param: MatrixParam, i: number): number[];
export function defaultEntry(param: VectorParam | MatrixParam, i: number): number | number[] {
  if (param.kind === 'vector') return fill(param, param.default, i + 1, [])[i];
  return fill(param, param.default[i] ?? [], param.cols, []);
}

/** Expected row count of a matrix param under the given values. */
export function matrixRows(param: MatrixParam, params: readonly Param[], values: Values): number {
  return resolveLength(param.rows, params, values, param.default.length);
}

function fill(param: RangedParam, fallback: readonly number[], n: number, from: readonly number[]) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = i < from.length ? from[i] : fallback[i];
    out.push(clampToParam(param, typeof v === 'number' && Number.isFinite(v) ? v : 0));
  }
  return out;
}

/** A seed brought to an integer in 0…2³²−1 (NaN becomes the param's default). */
export function clampSeed(param: SeedParam, x: number): number {
  if (Number.isNaN(x)) return clamp(Math.round(param.default), 0, SEED_MAX);
  return clamp(Math.round(x), 0, SEED_MAX);
}

/** The last step of a time param under the given values (an integer ≥ 0). */
export function timeMax(param: TimeParam, values: Values): number {
  const { max } = param;
  const read = (name: string) => {
    const v = values[name];
    return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.round(v)) : 0;
  };
  if (typeof max === 'number') return Number.isFinite(max) ? Math.max(0, Math.round(max)) : 0;
  if ('param' in max) return read(max.param);
  return max.product.reduce((acc, name) => acc * read(name), 1);
}

/** A step brought to an integer in 0…max (NaN becomes 0). */
export function clampStep(param: TimeParam, values: Values, x: number): number {
  return clamp(Math.round(x), 0, timeMax(param, values));
}

/** The options of a choice param offered under the current values (see `ChoiceParam.limit`). */
export function availableOptions(param: ChoiceParam, values: Values): ChoiceParam['options'] {
  return optionsBelow(param, param.limit ? values[param.limit.param] : undefined);
}

/** The options of a choice whose value is below `limit` (all of them when `limit` is not a number). */
export function optionsBelow(
  param: ChoiceParam,
  limit: ParamValue | undefined,
): ChoiceParam['options'] {
  if (typeof limit !== 'number') return param.options;
  const open = param.options.filter((o) => o.value < limit);
  return open.length > 0 ? open : param.options.slice(0, 1);
}

/** A choice value made valid: kept if offered, else the nearest offered value below it, else the first. */
function validChoice(param: ChoiceParam, values: Values, v: ParamValue | undefined): number {
  const open = availableOptions(param, values);
  if (typeof v === 'number' && open.some((o) => o.value === v)) return v;
  if (typeof v === 'number' && param.options.some((o) => o.value === v)) {
    const below = open.filter((o) => o.value < v);
    if (below.length > 0) return below[below.length - 1].value;
  }
  return open.some((o) => o.value === param.default) ? param.default : open[0].value;
}

/** The default value of one param (vectors and matrices at their default length). */
export function defaultValue(param: Param, params: readonly Param[], values: Values): ParamValue {
  switch (param.kind) {
    case 'scalar':
    case 'choice':
    case 'toggle':
      return param.default;
    case 'seed':
      return clampSeed(param, param.default);
    case 'time':
      return clampStep(param, values, param.default);
    case 'vector':
      return fill(param, param.default, vectorLength(param, params, values), []);
    case 'matrix': {
      const rows = matrixRows(param, params, values);
      return Array.from({ length: rows }, (_, r) =>
        fill(param, param.default[r] ?? [], param.cols, []),
      );
    }
  }
}

/** Every param at its default. */
export function defaultValues(params: readonly Param[]): Values {
  const out: Record<string, ParamValue> = {};
  for (const p of params)
    if (p.kind === 'scalar' || p.kind === 'choice' || p.kind === 'toggle') out[p.name] = p.default;
  for (const p of params)
    if (p.kind === 'seed' || p.kind === 'time') out[p.name] = defaultValue(p, params, out);
  for (const p of params)
    if (p.kind === 'vector' || p.kind === 'matrix') out[p.name] = defaultValue(p, params, out);
  return out;
}

/**
 * Brings values into shape: scalars and choices first, then vectors and
 * matrices sliced or extended (from `default`) to the length their length
 * param asks for. Values already in shape are returned by identity, so
 * memoized slider rows don't re-render.
 */
export function normalizeValues(params: readonly Param[], values: Values): Values {
  let out: Record<string, ParamValue> | null = null;
  const set = (name: string, v: ParamValue) => {
    if (!out) out = { ...values };
    out[name] = v;
  };
  for (const p of params) {
    const v = values[p.name];
    if (p.kind === 'scalar') {
      if (typeof v !== 'number' || !Number.isFinite(v)) set(p.name, p.default);
      else if (clampToParam(p, v) !== v) set(p.name, clampToParam(p, v));
    } else if (p.kind === 'toggle') {
      if (typeof v !== 'boolean') set(p.name, p.default);
    } else if (p.kind === 'seed') {
      if (typeof v !== 'number' || !Number.isFinite(v)) set(p.name, clampSeed(p, p.default));
      else if (clampSeed(p, v) !== v) set(p.name, clampSeed(p, v));
    }
  }
  const cur = (): Values => out ?? values;
  // after the scalars: a time's last step may follow one
  for (const p of params) {
    if (p.kind !== 'time') continue;
    const v = cur()[p.name];
    const step = typeof v === 'number' && Number.isFinite(v) ? clampStep(p, cur(), v) : 0;
    if (step !== v) set(p.name, step);
  }
  for (const p of params) {
    if (p.kind !== 'choice') continue;
    const v = cur()[p.name];
    const valid = validChoice(p, cur(), v);
    if (valid !== v) set(p.name, valid);
  }
  for (const p of params) {
    const v = cur()[p.name];
    if (p.kind === 'vector') {
      const n = vectorLength(p, params, cur());
      if (!Array.isArray(v) || v.length !== n || v.some((x) => typeof x !== 'number')) {
        const from = Array.isArray(v)
          ? (v as unknown[]).map((x) => (typeof x === 'number' ? x : NaN))
          : [];
        set(
          p.name,
          fill(
            p,
            p.default,
            n,
            from.map((x, i) => (Number.isFinite(x) ? x : (p.default[i] ?? 0))),
          ),
        );
      }
    } else if (p.kind === 'matrix') {
      const rows = matrixRows(p, params, cur());
      const ok =
        Array.isArray(v) &&
        v.length === rows &&
        v.every((row) => Array.isArray(row) && row.length === p.cols);
      if (!ok) {
        const m = Array.isArray(v) ? (v as unknown[]) : [];
        set(
          p.name,
          Array.from({ length: rows }, (_, r) => {
            const row = Array.isArray(m[r]) ? (m[r] as number[]) : [];
            const def = p.default[r] ?? [];
            return fill(
              p,
              def,
              p.cols,
              row.map((x, c) => (Number.isFinite(x) ? x : (def[c] ?? 0))),
            );
          }),
        );
      }
    }
  }
  return cur();
}

/** Deep equality of two param values. */
export function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x as ParamValue, b[i] as ParamValue));
  }
  return a === b;
}

/**
 * Time params that `given` does not set take their default step under `values` (whose
 * last step may follow other params): `values` with those steps, normalized.
 */
export function timeDefaults(
  params: readonly Param[],
  values: Values,
  given: ReadonlySet<string>,
): Values {
  let out: Record<string, ParamValue> | null = null;
  for (const p of params) {
    if (p.kind !== 'time' || given.has(p.name)) continue;
    const step = clampStep(p, values, p.default);
    if (values[p.name] !== step) {
      out ??= { ...values };
      out[p.name] = step;
    }
  }
  return out ? normalizeValues(params, out) : values;
}

/**
 * After a change from `prev` to `next`: a time param that stood at its last step stays at
 * its last step when that moves (a finished run is still finished when it grows).
 */
export function keepFinished(params: readonly Param[], prev: Values, next: Values): Values {
  let out: Record<string, ParamValue> | null = null;
  for (const p of params) {
    if (p.kind !== 'time') continue;
    const end = timeMax(p, next);
    if (prev[p.name] === timeMax(p, prev) && next[p.name] !== end && timeMax(p, prev) !== end) {
      out ??= { ...next };
      out[p.name] = end;
    }
  }
  return out ?? next;
}

/** Values of a preset applied over the defaults, normalized (a step it omits at its default under them). */
export function presetValues(params: readonly Param[], preset: Values): Values {
  const base = { ...defaultValues(params), ...preset };
  return timeDefaults(params, normalizeValues(params, base), new Set(Object.keys(preset)));
}

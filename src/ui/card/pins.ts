import type { FormulaDef, Lang, Param, ParamValue, Values } from './types';
import { GREEK } from './answer';
import { computeOutcome } from './store';
import { availableOptions, formatValue, normalizeValues, sameValue } from './values';
import {
  buildSearch,
  excerpt,
  formatUrlValue,
  parseParams,
  serializeParams,
  MAX_RAW_LENGTH,
} from '../url/params';

/**
 * Pin and compare: a card keeps up to two pinned states, each drawn as a faint ghost of the
 * plot (the page's own Plot rendered again with the pinned values, PlotFigure.tsx) with a
 * legend entry saying what differs from the values shown now. Pins live in the URL as
 * `pin=` entries, one per pin, so a link shows the same comparison.
 */

/** At most this many pins; a further one replaces the oldest. */
export const MAX_PINS = 2;

/** A pin's place: its number in the legend and its ghost's line pattern (1 dashed, 2 dotted). */
export type PinSlot = 1 | 2;

/** One pinned state: its values and the result computed from them once, at pin time. */
export interface Pin {
  slot: PinSlot;
  values: Values;
  result: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = FormulaDef<any>;

/** What `addPin` did, for the polite status line. */
export type PinChange =
  | { kind: 'added'; slot: PinSlot }
  | { kind: 'replaced'; slot: PinSlot }
  | { kind: 'same'; slot: PinSlot };

/**
 * The pins after pinning `values` (whose `result` is computed): the first free slot, or the
 * oldest pin's slot when both are taken; the same values pinned twice are not added again.
 * `pins` is ordered oldest first, and so is the answer.
 */
export function addPin(
  params: readonly Param[],
  pins: readonly Pin[],
  values: Values,
  result: unknown,
): { pins: Pin[]; change: PinChange } {
  const same = pins.find((p) => sameValues(params, p.values, values));
  if (same) return { pins: [...pins], change: { kind: 'same', slot: same.slot } };
  if (pins.length < MAX_PINS) {
    const taken = new Set(pins.map((p) => p.slot));
    const slot: PinSlot = taken.has(1) ? 2 : 1;
    return { pins: [...pins, { slot, values, result }], change: { kind: 'added', slot } };
  }
  const [oldest, ...rest] = pins;
  return {
    pins: [...rest, { slot: oldest.slot, values, result }],
    change: { kind: 'replaced', slot: oldest.slot },
  };
}

/** Two states of a page hold the same values. */
export function sameValues(params: readonly Param[], a: Values, b: Values): boolean {
  return params.every((p) => sameValue(a[p.name], b[p.name]));
}

/** Between a name and its value inside one `pin=` entry, and between two names. */
const PAIR = '~';
const NEXT = '_';

/** One pin as its `pin=` entry: the values that differ from the defaults, `T~2_z~1,2,3`. */
export function encodePin(params: readonly Param[], values: Values): string {
  return serializeParams(params, values)
    .map(([k, v]) => `${k}${PAIR}${v}`)
    .join(NEXT);
}

/** A `pin=` entry as text, `T~2_z~1,2,3` → `T = 2, z = 1,2,3` ('' for a pin of the defaults). */
export function pinText(raw: string): string {
  return raw === ''
    ? ''
    : raw
        .split(NEXT)
        .map((part) => part.replace(PAIR, ' = '))
        .join(', ');
}

/** The `pin` entries of a query for these pins, oldest first. */
export function pinEntries(params: readonly Param[], pins: readonly Pin[]): [string, string][] {
  return pins.map((p) => ['pin', encodePin(params, p.values)]);
}

/** What reading the pins of a link did, for the URL notice. */
export type PinNotice =
  { kind: 'pinDropped'; index: number; raw: string } | { kind: 'pinsTooMany'; got: number };

/**
 * The pins of a query (`pin=` entries). Each must name only the page's params and hold only
 * valid values in range; one that does not is dropped whole, with a notice (a pin the link
 * has altered would show a comparison nobody made). More than two: the first two are kept.
 */
export function parsePins(
  def: AnyDef,
  query: URLSearchParams,
): { pins: Pin[]; notices: PinNotice[] } {
  const raws = query.getAll('pin');
  const notices: PinNotice[] = [];
  if (raws.length > MAX_PINS) notices.push({ kind: 'pinsTooMany', got: raws.length });
  const names = new Set(def.params.map((p) => p.name));
  const pins: Pin[] = [];
  raws.slice(0, MAX_PINS).forEach((raw, i) => {
    const drop = () => notices.push({ kind: 'pinDropped', index: i + 1, raw: excerpt(raw) });
    if (raw.length > MAX_RAW_LENGTH) return drop();
    const entries = new URLSearchParams();
    const parts = raw === '' ? [] : raw.split(NEXT);
    for (const part of parts) {
      const at = part.indexOf(PAIR);
      const name = at > 0 ? part.slice(0, at) : '';
      if (!names.has(name) || entries.has(name)) return drop();
      entries.set(name, part.slice(at + 1));
    }
    const parsed = parseParams(def.params, entries);
    if (parsed.notices.length > 0) return drop();
    const outcome = computeOutcome(def, parsed.values);
    if (!outcome.ok) return drop();
    pins.push({
      slot: (pins.length + 1) as PinSlot,
      values: parsed.values,
      result: outcome.result,
    });
  });
  return { pins, notices };
}

/** The current query with its `pin` entries replaced by these pins'. */
export function withPins(search: string, params: readonly Param[], pins: readonly Pin[]): string {
  const entries: [string, string][] = [];
  for (const [k, v] of new URLSearchParams(search)) if (k !== 'pin') entries.push([k, v]);
  entries.push(...pinEntries(params, pins));
  return buildSearch(entries);
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (digits: string) =>
  [...digits].map((d) => (d >= '0' && d <= '9' ? SUB[Number(d)] : d)).join('');

/** A param's symbol as plain text (`\eta` → η, `\beta_1` → β₁), or null when it is not simple. */
export function plainSymbol(tex: string): string | null {
  const s = tex
    .replace(/\\(?:mathbf|boldsymbol|mathrm|text|mathit)\{([^{}]*)\}/g, '$1')
    .replace(/\\([a-zA-Z]+)/g, (m, name: string) => GREEK[name] ?? m)
    .replace(/_\{([\d,]+)\}|_(\d)/g, (_m, a?: string, b?: string) => subscript(a ?? b ?? ''))
    .replace(/\s+/g, '');
  return s.length > 0 && s.length <= 6 && !/[\\{}^_]/.test(s) ? s : null;
}

/** How one value reads in a pin's legend entry. */
function describeOne(param: Param, v: ParamValue, lang: Lang, values: Values): string {
  switch (param.kind) {
    case 'scalar':
      return formatValue(param.step, v as number, param.integer);
    case 'toggle':
      return v ? (lang === 'en' ? 'on' : '開') : lang === 'en' ? 'off' : '關';
    case 'choice':
      return availableOptions(param, values).find((o) => o.value === v)?.label[lang] ?? String(v);
    case 'seed':
    case 'time':
      return String(v);
    default:
      return formatUrlValue(v);
  }
}

/** Longest list of differences a legend entry spells out; the rest is counted. */
const MAX_SHOWN = 4;

/**
 * What a pin's values differ in from the current ones, as short phrases: `T = 2`, `z₃ = 1.5`,
 * `Q: 5 entries`. Empty when they are the same.
 */
export function describePin(
  params: readonly Param[],
  pinned: Values,
  current: Values,
  lang: Lang,
): string[] {
  const out: string[] = [];
  const values = normalizeValues(params, pinned);
  for (const p of params) {
    const a = values[p.name];
    const b = current[p.name];
    if (a === undefined || sameValue(a, b)) continue;
    const plain = plainSymbol(p.tex);
    const sym = plain ?? p.label[lang];
    if (p.kind === 'vector' && Array.isArray(b) && (a as number[]).length === b.length) {
      (a as number[]).forEach((x, i) => {
        if (x === (b as number[])[i]) return;
        const entry = plain ? `${plain}${subscript(String(i + 1))}` : `${sym} ${i + 1}`;
        out.push(`${entry} = ${formatValue(p.step, x)}`);
      });
    } else if (p.kind === 'matrix') {
      const m = a as number[][];
      const n = (b as number[][] | undefined) ?? [];
      let cells = 0;
      m.forEach((row, r) => row.forEach((x, c) => (cells += n[r]?.[c] === x ? 0 : 1)));
      // rows only added or removed: the row count's own entry says so
      if (cells === 0) continue;
      out.push(
        lang === 'en'
          ? `${sym}: ${cells} ${cells === 1 ? 'entry' : 'entries'}`
          : `${sym}：${cells} 項`,
      );
    } else if (p.kind === 'vector') {
      out.push(`${sym} = (${(a as number[]).map((x) => formatValue(p.step, x)).join(', ')})`);
    } else {
      out.push(`${sym} = ${describeOne(p, a, lang, values)}`);
    }
  }
  if (out.length > MAX_SHOWN) {
    const more = out.length - MAX_SHOWN;
    return [...out.slice(0, MAX_SHOWN), lang === 'en' ? `${more} more` : `另有 ${more} 項`];
  }
  return out;
}

import type { Param, ParamValue, Values } from '../card/types';
import {
  SEED_MAX,
  clampToParam,
  defaultValue,
  defaultValues,
  matrixRows,
  normalizeValues,
  sameValue,
  timeDefaults,
  timeMax,
  vectorLength,
  type RangedParam,
} from '../card/values';

/** What parsing did to one query-string value, for the visible notice. */
export type UrlNotice =
  | { kind: 'invalid'; name: string; raw: string }
  | { kind: 'clamped'; name: string; raw: string; min: number; max: number; value: number }
  | { kind: 'tooMany' | 'tooFew'; name: string; expected: number; got: number }
  | { kind: 'entryInvalid'; name: string; index: number; raw: string };

/** Result of `parseParams`. */
export interface ParsedParams {
  values: Values;
  notices: UrlNotice[];
}

/** Longest query value looked at; longer ones are rejected whole. */
export const MAX_RAW_LENGTH = 4000;
/** Longest excerpt of a rejected value shown back to the reader. */
const MAX_SHOWN = 24;

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A raw value shortened for display (shown as React text, never as HTML). */
export function excerpt(raw: string): string {
  const oneLine = raw.replace(/\s+/g, ' ');
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}

/** A strict decimal number (no hex, no empty string, no Infinity), or null. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim();
  if (s.length === 0 || s.length > 64 || !NUMBER_RE.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

function parseEntry(
  param: RangedParam,
  raw: string,
  fallback: number,
  index: number,
  notices: UrlNotice[],
): number {
  const x = parseNumber(raw);
  if (x === null) {
    notices.push({ kind: 'entryInvalid', name: param.name, index: index + 1, raw: excerpt(raw) });
    return fallback;
  }
  const v = clampToParam(param, x);
  if (v !== x && !(param.kind === 'scalar' && param.integer && Math.abs(v - x) < 0.5)) {
    notices.push({
      kind: 'clamped',
      name: param.name,
      raw: excerpt(raw),
      min: param.min,
      max: param.max,
      value: v,
    });
  }
  return v;
}

/** An integer in `min…max`: text or a fraction is invalid (undefined), a value outside is clamped. */
function parseInteger(
  name: string,
  raw: string,
  min: number,
  max: number,
  notices: UrlNotice[],
): number | undefined {
  const x = parseNumber(raw);
  if (x === null || !Number.isInteger(x)) {
    notices.push({ kind: 'invalid', name, raw: excerpt(raw) });
    return undefined;
  }
  const v = Math.min(max, Math.max(min, x));
  if (v !== x) notices.push({ kind: 'clamped', name, raw: excerpt(raw), min, max, value: v });
  return v === 0 ? 0 : v;
}

function parseList(
  param: RangedParam,
  raw: string,
  expected: number,
  fallback: readonly number[],
  notices: UrlNotice[],
  label: string = param.name,
): number[] {
  const parts = raw.split(',');
  if (parts.length > expected) {
    notices.push({ kind: 'tooMany', name: label, expected, got: parts.length });
  } else if (parts.length < expected) {
    notices.push({ kind: 'tooFew', name: label, expected, got: parts.length });
  }
  const out: number[] = [];
  for (let i = 0; i < expected; i++) {
    const fb = fallback[i] ?? 0;
    out.push(i < parts.length ? parseEntry(param, parts[i], fb, i, notices) : fb);
  }
  return out;
}

function parseOne(
  param: Param,
  raw: string,
  params: readonly Param[],
  values: Values,
  notices: UrlNotice[],
): ParamValue | undefined {
  if (raw.length > MAX_RAW_LENGTH) {
    notices.push({ kind: 'invalid', name: param.name, raw: excerpt(raw) });
    return undefined;
  }
  switch (param.kind) {
    case 'scalar': {
      const x = parseNumber(raw);
      if (x === null) {
        notices.push({ kind: 'invalid', name: param.name, raw: excerpt(raw) });
        return undefined;
      }
      return parseEntry(param, raw, param.default, 0, notices);
    }
    case 'toggle': {
      const s = raw.trim().toLowerCase();
      if (s === '1' || s === 'true') return true;
      if (s === '0' || s === 'false') return false;
      notices.push({ kind: 'invalid', name: param.name, raw: excerpt(raw) });
      return undefined;
    }
    case 'choice': {
      const x = parseNumber(raw);
      if (x === null || !param.options.some((o) => o.value === x)) {
        notices.push({ kind: 'invalid', name: param.name, raw: excerpt(raw) });
        return undefined;
      }
      return x;
    }
    case 'seed':
      return parseInteger(param.name, raw, 0, SEED_MAX, notices);
    case 'time':
      return parseInteger(param.name, raw, 0, timeMax(param, values), notices);
    case 'vector': {
      const n = vectorLength(param, params, values);
      const fallback = defaultValue(param, params, values) as number[];
      return parseList(param, raw, n, fallback, notices);
    }
    case 'matrix': {
      const rows = matrixRows(param, params, values);
      const fallback = defaultValue(param, params, values) as number[][];
      const parts = raw.split(';');
      if (parts.length > rows) {
        notices.push({ kind: 'tooMany', name: param.name, expected: rows, got: parts.length });
      } else if (parts.length < rows) {
        notices.push({ kind: 'tooFew', name: param.name, expected: rows, got: parts.length });
      }
      return Array.from({ length: rows }, (_, r) =>
        r < parts.length
          ? parseList(param, parts[r], param.cols, fallback[r], notices, `${param.name}[${r + 1}]`)
          : fallback[r],
      );
    }
  }
}

/**
 * Reads a page's values from a query string. Hostile input (text, NaN,
 * Infinity, 1e999, markup, huge strings, wrong lengths) never throws: each bad
 * value falls back to its default or is clamped into range, and a notice says
 * what was adjusted. Scalars are read first, so vectors and matrices take their
 * length, and time params their last step, from them.
 */
export function parseParams(params: readonly Param[], query: URLSearchParams): ParsedParams {
  const notices: UrlNotice[] = [];
  const values: Record<string, ParamValue> = { ...defaultValues(params) };
  const follows = (p: Param) => p.kind === 'vector' || p.kind === 'matrix' || p.kind === 'time';
  const ordered = [...params.filter((p) => !follows(p)), ...params.filter(follows)];
  for (const p of ordered) {
    const raw = query.get(p.name);
    if (raw === null) continue;
    const v = parseOne(p, raw, params, normalizeValues(params, values), notices);
    if (v !== undefined) values[p.name] = v;
  }
  const given = new Set(params.filter((p) => query.get(p.name) !== null).map((p) => p.name));
  return { values: timeDefaults(params, normalizeValues(params, values), given), notices };
}

/** A number as written in the URL: shortest exact form, no "-0". */
export function formatUrlNumber(x: number): string {
  return x === 0 ? '0' : String(x);
}

/** One value as written in the URL: vectors `1,2,3`; matrix rows separated by `;`; toggles `1`/`0`. */
export function formatUrlValue(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return formatUrlNumber(value);
  return (value as (number | number[])[])
    .map((row) => (Array.isArray(row) ? row.map(formatUrlNumber).join(',') : formatUrlNumber(row)))
    .join(Array.isArray(value[0]) ? ';' : ',');
}

/**
 * The query entries for a page's values, in declaration order. Values equal to
 * their defaults are omitted unless `omitDefaults` is false.
 */
export function serializeParams(
  params: readonly Param[],
  values: Values,
  omitDefaults = true,
): [string, string][] {
  const out: [string, string][] = [];
  for (const p of params) {
    const v = values[p.name];
    if (v === undefined) continue;
    if (omitDefaults && sameValue(v, defaultValue(p, params, values))) continue;
    out.push([p.name, formatUrlValue(v)]);
  }
  return out;
}

/**
 * A query string (with leading `?`, or '' when empty) from entries; commas and
 * semicolons stay readable, everything else is percent-encoded.
 */
export function buildSearch(entries: readonly [string, string][]): string {
  if (entries.length === 0) return '';
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3B/gi, ';').replace(/%20/g, '+');
  return `?${entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}`;
}

/**
 * The current query with a page's param keys replaced by `values`; other keys
 * (`lang`, `present`, …) are kept.
 */
export function mergeSearch(current: string, params: readonly Param[], values: Values): string {
  const names = new Set(params.map((p) => p.name));
  const keep: [string, string][] = [];
  for (const [k, v] of new URLSearchParams(current)) if (!names.has(k)) keep.push([k, v]);
  return buildSearch([...serializeParams(params, values), ...keep]);
}

/** The current query with one key set (or removed when `value` is null). */
export function setSearchKey(current: string, key: string, value: string | null): string {
  const entries: [string, string][] = [];
  for (const [k, v] of new URLSearchParams(current)) if (k !== key) entries.push([k, v]);
  if (value !== null) entries.push([key, value]);
  return buildSearch(entries);
}

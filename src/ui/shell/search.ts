import { REGISTRY, SECTION_TITLES, type RegistryEntry } from '../../formulas/registry';
import { SEARCH_TERMS } from '../../formulas/searchTerms';
import type { Lang } from '../card/types';

/** One searchable text of a page and how much a match in it counts. */
interface Field {
  text: string;
  folded: string;
  kind: 'title' | 'symbol' | 'term' | 'section' | 'teaser';
}

/** A page with every text it can be found by, in both languages. */
export interface SearchDoc {
  entry: RegistryEntry;
  fields: Field[];
}

/** A page found, best first: its entry and the text that matched when that is not its title. */
export interface SearchHit {
  entry: RegistryEntry;
  score: number;
  /** The symbol or term that matched, shown beside the title; null when the title matched. */
  matched: string | null;
}

/** Folded for matching: compatibility forms (full-width letters), lower case, no spaces or hyphens. */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-‐–]+/g, '');
}

const LANGS: readonly Lang[] = ['en', 'zh-TW'];

/** The search index of the registry: every page's title, symbols, terms, section and teaser. */
export function buildIndex(entries: readonly RegistryEntry[] = REGISTRY): SearchDoc[] {
  return entries.map((entry) => {
    const fields: Field[] = [];
    const add = (text: string, kind: Field['kind']) =>
      fields.push({ text, folded: fold(text), kind });
    for (const l of LANGS) add(entry.title[l], 'title');
    const extra = SEARCH_TERMS[entry.id];
    for (const s of extra?.symbols ?? []) add(s, 'symbol');
    for (const l of LANGS) for (const s of extra?.terms?.[l] ?? []) add(s, 'term');
    for (const l of LANGS) add(SECTION_TITLES[entry.section][l], 'section');
    for (const l of LANGS) add(entry.teaser[l], 'teaser');
    return { entry, fields };
  });
}

/** How well one folded query word matches a field: 0 for no match. */
function fieldScore(word: string, f: Field): number {
  const exact = f.folded === word;
  const prefix = f.folded.startsWith(word);
  // one letter ("T", "σ") finds a symbol or a title's start, not every text holding it (one
  // Chinese character, "熵", is a word)
  if (word.length < 2 && !/\p{Script=Han}/u.test(word)) {
    if (f.kind === 'symbol' && exact) return 70;
    if (f.kind === 'title' && (exact || prefix)) return 50;
    return 0;
  }
  const inside = f.folded.includes(word);
  if (!inside) return 0;
  switch (f.kind) {
    case 'title':
      return exact ? 100 : prefix ? 80 : 60;
    case 'symbol':
      return exact ? 70 : prefix ? 40 : 25;
    case 'term':
      return exact ? 55 : prefix ? 40 : 30;
    case 'section':
      return exact ? 30 : 20;
    case 'teaser':
      return 10;
  }
}

/**
 * The pages matching `query`, best first: every word of the query must be found in some text of
 * the page (title, symbol, key term, section or teaser, in either language); a title counts most,
 * built pages come before pages still to come, then the notes' order. An empty query finds none.
 */
export function searchPages(index: readonly SearchDoc[], query: string): SearchHit[] {
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  if (words.length === 0) return [];
  const hits: (SearchHit & { order: number })[] = [];
  index.forEach((doc, order) => {
    let score = 0;
    let matched: Field | null = null;
    let best = 0;
    for (const word of words) {
      let top = 0;
      let field: Field | null = null;
      for (const f of doc.fields) {
        const s = fieldScore(word, f);
        if (s > top) {
          top = s;
          field = f;
        }
      }
      if (top === 0) return;
      score += top;
      if (top > best) {
        best = top;
        matched = field;
      }
    }
    if (doc.entry.load) score += 5;
    const m = matched as Field | null;
    const shown =
      m === null || m.kind === 'title' || m.kind === 'teaser' || m.kind === 'section'
        ? null
        : m.text;
    hits.push({ entry: doc.entry, score, matched: shown, order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.map(({ entry, score, matched }) => ({ entry, score, matched }));
}

import type Katex from 'katex';

/**
 * KaTeX, loaded on demand: a prerendered page shows formulas KaTeX wrote at build time, so
 * its code (the largest part of a page's JavaScript) need not be parsed before the page is
 * hydrated; it comes right after, or when a formula first changes. A page rendered in the
 * browser (a client navigation, a link with values) waits for it with its own code
 * (src/ui/shell/FormulaRoute.tsx). A cache of code, not state.
 */
let katex: typeof Katex | null = null;
let loading: Promise<typeof Katex> | null = null;

/** Loads KaTeX once; resolves to it. */
export function loadKatex(): Promise<typeof Katex> {
  loading ??= import('katex').then((m) => {
    katex = m.default;
    return katex;
  });
  return loading;
}

/** KaTeX when it has been loaded, else null. */
export function loadedKatex(): typeof Katex | null {
  return katex;
}

/** Whether KaTeX is loaded. */
export function katexReady(): boolean {
  return katex !== null;
}

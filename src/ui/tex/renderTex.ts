import { loadedKatex } from './katexLoader';

/**
 * Rewrites the `sym()` placeholder colours `#00000N` in KaTeX's HTML into
 * `var(--sym-N)` and marks the coloured element with `data-sym="N"`, so symbol
 * colours follow the theme and hovering a symbol can highlight its slider.
 * The MathML part (`mathcolor="#00000N"`) is left as is.
 */
export function themeSymbolColors(html: string): string {
  return html.replace(/style="([^"]*)"/g, (attr, style: string) => {
    const own = /(?:^|;)\s*color:\s*#00000([1-8])(?![0-9a-fA-F])/.exec(style);
    const themed = style.replace(/#00000([1-8])(?![0-9a-fA-F])/g, 'var(--sym-$1)');
    if (themed === style) return attr;
    return own ? `data-sym="${own[1]}" style="${themed}"` : `style="${themed}"`;
  });
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Recently rendered formulas, newest last: a slider moved back and forth renders each value once. */
const cache = new Map<string, string>();
const CACHE_SIZE = 128;

/**
 * TeX → themed KaTeX HTML for the page. Never `trust`; a parse error renders the
 * source in red instead of throwing (tests render strictly, see tests/ui/tex-strict.test.ts).
 * The last `CACHE_SIZE` results are kept. KaTeX must have been loaded (`loadKatex`).
 */
export function renderTex(tex: string, displayMode: boolean): string {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = renderUncached(tex, displayMode);
  cache.set(key, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return html;
}

function renderUncached(tex: string, displayMode: boolean): string {
  const katex = loadedKatex();
  if (!katex) throw new Error('renderTex: KaTeX is not loaded yet (loadKatex)');
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      throwOnError: false,
      trust: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
      maxExpand: 1000,
      maxSize: 20,
    });
    return themeSymbolColors(html);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return `<span class="katex-error" title="${escapeHtml(message)}">${escapeHtml(tex)}</span>`;
  }
}

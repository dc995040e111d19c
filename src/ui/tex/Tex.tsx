import 'katex/dist/katex.min.css';
import { memo, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { morphInnerHTML } from './morph';
import { renderPass } from '../prerender/hydration';
import { renderTex } from './renderTex';

/** Props of `Tex`. */
export interface TexProps {
  /** The TeX source; colour symbols with `sym()` from `./sym`. */
  tex: string;
  /** Display (block, centred) instead of inline. */
  display?: boolean;
  className?: string;
}

/**
 * KaTeX-rendered TeX; output is memoized by source, so unchanged formulas never
 * re-render. A changed formula (a worked example following a slider) is updated
 * in place: only the nodes that differ are touched (see `morphInnerHTML`).
 * Hydrating a prerendered page, the element keeps the HTML KaTeX wrote at build
 * time and KaTeX does not run (`null` below: React does not compare or rewrite
 * the inner HTML of a hydrated element).
 */
export const Tex = memo(function Tex({ tex, display = false, className }: TexProps) {
  const html = useMemo(
    () => (renderPass() === 'hydrate' ? null : renderTex(tex, display)),
    [tex, display],
  );
  const ref = useRef<HTMLElement>(null);
  // React writes the first HTML (and never rewrites it: `initial` stays); later HTML is
  // morphed into the element before paint.
  const [initial] = useState(html);
  const shown = useRef<{ el: HTMLElement; html: string | null } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const before = shown.current?.el === el ? shown.current.html : initial;
    if (html !== null && before !== html) morphInnerHTML(el, html);
    shown.current = { el, html };
  }, [html, initial]);
  const cls = display ? 'tex tex-display' : 'tex tex-inline';
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      ref={ref as Ref<HTMLDivElement & HTMLSpanElement>}
      className={className ? `${cls} ${className}` : cls}
      dangerouslySetInnerHTML={{ __html: initial ?? '' }}
      suppressHydrationWarning
    />
  );
});

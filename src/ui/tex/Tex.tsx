import 'katex/dist/katex.min.css';
import { memo, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { morphInnerHTML } from './morph';
import { renderPass } from '../prerender/hydration';
import { katexReady, loadKatex } from './katexLoader';
import { renderTex } from './renderTex';

/** Props of `Tex`. */
export interface TexProps {
  /** The TeX source; colour symbols with `sym()` from `./sym`. */
  tex: string;
  /** Display (block, centred) instead of inline. */
  display?: boolean;
  className?: string;
}

/** The TeX (with its display flag) each element's HTML shows: what a render must not redo. */
const shown = new WeakMap<Element, string>();

/**
 * KaTeX-rendered TeX. A changed formula (a worked example following a slider) is updated
 * in place before paint: only the nodes that differ are touched (see `morphInnerHTML`),
 * and unchanged formulas are never rendered again.
 * Hydrating a prerendered page, the element keeps the HTML KaTeX wrote at build time and
 * KaTeX does not run (React does not compare or rewrite the inner HTML of a hydrated
 * element); KaTeX's code may even arrive later (`loadKatex`), and is needed only once a
 * formula changes. No store is read: a snapshot that differs between the prerender (KaTeX
 * there) and the browser (not yet) would make React re-render every formula at once, in one
 * long task, right after hydration.
 */
export const Tex = memo(function Tex({ tex, display = false, className }: TexProps) {
  const key = `${display ? 'D' : 'I'}${tex}`;
  // React writes the first HTML and never rewrites it (`first` stays); later HTML is morphed in.
  const [first] = useState(() =>
    renderPass() === 'hydrate'
      ? { key, html: null }
      : katexReady()
        ? { key, html: renderTex(tex, display) }
        : { key: null, html: null },
  );
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!shown.has(el) && first.key !== null) shown.set(el, first.key);
    if (shown.get(el) === key) return;
    const draw = () => {
      morphInnerHTML(el, renderTex(tex, display));
      shown.set(el, key);
    };
    if (katexReady()) {
      draw();
      return;
    }
    let current = true;
    void loadKatex().then(() => current && draw());
    return () => {
      current = false;
    };
  }, [key, tex, display, first]);
  const cls = display ? 'tex tex-display' : 'tex tex-inline';
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      ref={ref as Ref<HTMLDivElement & HTMLSpanElement>}
      className={className ? `${cls} ${className}` : cls}
      dangerouslySetInnerHTML={{ __html: first.html ?? '' }}
      suppressHydrationWarning
    />
  );
});

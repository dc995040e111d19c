import 'katex/dist/katex.min.css';
import { memo, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { applyHtmlPatch, patchNodes, type HtmlPatch } from './htmlPatch';
import { morphInnerHTML } from './morph';
import { renderPass } from '../prerender/hydration';
import { katexReady, loadKatex } from './katexLoader';
import { renderTex } from './renderTex';
import { renderInWorker, texWorkerReady, warmTexWorker } from './texWorker';

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
/** An element's nodes in the order a patch counts them, kept while only patches write it. */
const patchable = new WeakMap<Element, Node[]>();

/** Shows `html` in `el`: by `patch` (from what it shows) where it applies, else by a morph. */
function write(el: Element, html: string, patch: HtmlPatch | null): void {
  if (patch) {
    const nodes = patchable.get(el) ?? patchNodes(el);
    const done = applyHtmlPatch(el, nodes, patch);
    if (done) {
      if (done.kept) patchable.set(el, nodes);
      else patchable.delete(el);
      return;
    }
  }
  patchable.delete(el);
  morphInnerHTML(el, html);
}

/**
 * KaTeX-rendered TeX. A changed formula (a worked example following a slider) is rendered
 * in a worker, off the page's thread, which also works out the few texts and attributes
 * that differ (`htmlPatch`); the page then writes only those, so a slider's next tick
 * never waits behind KaTeX. Meanwhile the element is `aria-busy`. Where there is no worker
 * (jsdom, or it failed) the formula is rendered here before paint, and only the nodes that
 * differ are touched (see `morphInnerHTML`). Unchanged formulas are never rendered again.
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
    const was = shown.get(el);
    warmTexWorker();
    if (was === key) return;
    const draw = () => {
      write(el, renderTex(tex, display), null);
      shown.set(el, key);
    };
    let current = true;
    if (was !== undefined && texWorkerReady()) {
      el.setAttribute('aria-busy', 'true');
      void renderInWorker(was, key).then((reply) => {
        if (!current) return;
        el.removeAttribute('aria-busy');
        if (!reply) return void loadKatex().then(() => current && draw());
        write(el, reply.html, reply.patch);
        shown.set(el, key);
      });
      return () => {
        current = false;
      };
    }
    if (katexReady()) {
      draw();
      return;
    }
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

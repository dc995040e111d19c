import type { DataTable, FormulaDef, Lang, Values } from './types';
import { LESSON_PARAM, VIEW_PARAM } from '../lesson/format';

/**
 * What a card exports (ExportPanel): its plot as a standalone SVG or PNG with the theme's
 * colours written into it, its data table as CSV, its formula and worked example as LaTeX, and
 * the links to it. Browser-only where it reads the page (plotSvg, svgToPng, download).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The CSS properties that decide how an SVG mark looks, copied from the page's computed style
 * onto each exported element: the page's stylesheet (theme colours as custom properties,
 * classes) does not travel with the file.
 */
const PAINT_PROPS = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'mix-blend-mode',
] as const;

/** Copies the computed paint of `from` and its descendants onto `to`, a deep clone of it. */
function inlineStyles(from: Element, to: Element): void {
  const style = getComputedStyle(from);
  if (style.display === 'none') {
    to.remove();
    return;
  }
  const decl = PAINT_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`)
    .filter((d) => !d.endsWith(':'))
    .join(';');
  to.setAttribute('style', decl);
  to.removeAttribute('class');
  to.removeAttribute('tabindex');
  const a = from.children;
  const b = [...to.children];
  for (let i = 0; i < a.length; i++) if (b[i]) inlineStyles(a[i], b[i]);
}

/**
 * The SVG figures and canvas layers of a plot, in paint order, without KaTeX's, empty ones or
 * the ghosts of pinned states (PinGhosts.tsx: their faintness is the page's CSS, which the file lacks).
 */
function plotLayers(container: Element): Element[] {
  return [...container.querySelectorAll('svg, canvas')].filter(
    (el) =>
      !el.closest('.katex') &&
      !el.closest('.pin-ghost') &&
      !(el.parentElement && el.parentElement.closest('svg')),
  );
}

/**
 * The box the plot draws in: its container, grown to take in the panels and any label that
 * reaches past its edge (an axis title in the margin).
 */
function drawnBox(container: Element, layers: readonly Element[]) {
  const c = container.getBoundingClientRect();
  let { left, top, right, bottom } = c;
  const grow = (r: DOMRect) => {
    if (r.width === 0 && r.height === 0) return;
    left = Math.min(left, r.left);
    top = Math.min(top, r.top);
    right = Math.max(right, r.right);
    bottom = Math.max(bottom, r.bottom);
  };
  for (const layer of layers) {
    grow(layer.getBoundingClientRect());
    for (const t of layer.querySelectorAll('text')) grow(t.getBoundingClientRect());
  }
  const pad = left < c.left || top < c.top || right > c.right || bottom > c.bottom ? 2 : 0;
  return {
    left: left - pad,
    top: top - pad,
    width: right - left + 2 * pad,
    height: bottom - top + 2 * pad,
  };
}

/** A number for an SVG attribute, rounded to a hundredth of a pixel. */
const px = (x: number) => String(Math.round(x * 100) / 100);

/** Subtrees of a plot's HTML that are not drawn into the file: the SVG and canvas layers go as
 * themselves, controls are for the screen, KaTeX's MathML copy and pin ghosts are not seen. */
const NOT_HTML_MARKS = 'svg, canvas, button, select, input, textarea, .katex-mathml, .pin-ghost';

const transparent = (c: string) => c === '' || c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);

/**
 * The plot's HTML parts (an HTML legend, a matrix of cells, a readout) drawn into the file as
 * SVG where they are on screen: each box with a background or a border as a rect (`boxes`,
 * under the plot's layers) and each run of text as SVG text in its computed font and colour
 * (`texts`, over them); a text that wraps is written word by word.
 */
function htmlMarks(doc: XMLDocument, container: Element, box: { left: number; top: number }) {
  const boxes = doc.createElementNS(SVG_NS, 'g');
  const texts = doc.createElementNS(SVG_NS, 'g');
  boxes.setAttribute('data-html', 'boxes');
  texts.setAttribute('data-html', 'text');
  const walk = (el: Element) => {
    if (el.matches(NOT_HTML_MARKS)) return;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    // a visually hidden part (a screen reader's copy) is clipped to nothing
    if (style.clip !== '' && style.clip !== 'auto') return;
    if (el !== container) {
      const r = el.getBoundingClientRect();
      const fill = style.backgroundColor;
      const border = parseFloat(style.borderTopWidth) || 0;
      const stroke = border > 0 && style.borderTopStyle !== 'none' ? style.borderTopColor : '';
      if (r.width > 0 && r.height > 0 && (!transparent(fill) || (stroke && !transparent(stroke)))) {
        const rect = doc.createElementNS(SVG_NS, 'rect');
        rect.setAttribute('x', px(r.left - box.left));
        rect.setAttribute('y', px(r.top - box.top));
        rect.setAttribute('width', px(r.width));
        rect.setAttribute('height', px(r.height));
        const radius = parseFloat(style.borderTopLeftRadius) || 0;
        if (radius > 0) rect.setAttribute('rx', px(Math.min(radius, r.width / 2, r.height / 2)));
        rect.setAttribute(
          'style',
          `fill:${transparent(fill) ? 'none' : fill}` +
            (stroke && !transparent(stroke) ? `;stroke:${stroke};stroke-width:${px(border)}` : ''),
        );
        boxes.appendChild(rect);
      }
    }
    for (const node of el.childNodes) {
      if (node instanceof Element) walk(node);
      else if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '')
        writeText(node as Text, style);
    }
  };
  const writeText = (node: Text, style: CSSStyleDeclaration) => {
    const range = document.createRange();
    const text = node.textContent!;
    const runs: { text: string; rect: DOMRect }[] = [];
    range.selectNodeContents(node);
    if (typeof range.getClientRects !== 'function') return; // no layout (jsdom)
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 1) runs.push({ text: text.trim(), rect: rects[0] });
    else if (rects.length > 1)
      for (const m of text.matchAll(/\S+/g)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const r = range.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) runs.push({ text: m[0], rect: r });
      }
    for (const run of runs) {
      const t = doc.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', px(run.rect.left - box.left));
      t.setAttribute('y', px(run.rect.top + run.rect.height / 2 - box.top));
      t.setAttribute(
        'style',
        [
          `fill:${style.color}`,
          `font-family:${style.fontFamily}`,
          `font-size:${style.fontSize}`,
          `font-weight:${style.fontWeight}`,
          `font-style:${style.fontStyle}`,
          'dominant-baseline:central',
          'white-space:pre',
        ].join(';'),
      );
      t.textContent = run.text;
      texts.appendChild(t);
    }
  };
  walk(container);
  return { boxes, texts };
}

/**
 * The plot under `container` (a card's `.plot-image`) as one standalone SVG document: each SVG
 * panel placed where it is on screen with its computed colours inlined (legend included), each
 * canvas layer as an image, its HTML parts (legends, matrices of cells) as rects and text
 * (`htmlMarks`), on the card's background. Null when there is nothing drawn.
 */
export function plotSvg(container: Element, title: string): string | null {
  const layers = plotLayers(container);
  const box = drawnBox(container, layers);
  if (layers.length === 0 || box.width === 0 || box.height === 0) return null;
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  root.setAttribute('width', px(box.width));
  root.setAttribute('height', px(box.height));
  root.setAttribute('viewBox', `0 0 ${px(box.width)} ${px(box.height)}`);
  const titleEl = doc.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  root.appendChild(titleEl);
  const card = container.closest('.card') ?? container;
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(card).backgroundColor || '#ffffff');
  root.appendChild(bg);
  const defs = doc.createElementNS(SVG_NS, 'defs');
  root.appendChild(defs);
  const html = htmlMarks(doc, container, box);
  if (html.boxes.childNodes.length > 0) root.appendChild(html.boxes);
  let marks = 0;
  for (const layer of layers) {
    const r = layer.getBoundingClientRect();
    if (layer instanceof HTMLCanvasElement) {
      if (r.width === 0 || r.height === 0 || layer.width === 0) continue;
      let href: string;
      try {
        href = layer.toDataURL('image/png');
      } catch {
        continue;
      }
      const img = doc.createElementNS(SVG_NS, 'image');
      img.setAttribute('x', px(r.left - box.left));
      img.setAttribute('y', px(r.top - box.top));
      img.setAttribute('width', px(r.width));
      img.setAttribute('height', px(r.height));
      img.setAttribute('href', href);
      root.appendChild(img);
      marks++;
      continue;
    }
    const clone = doc.importNode(layer, true) as Element;
    inlineStyles(layer, clone);
    if (r.width === 0 || r.height === 0) {
      // a zero-size SVG holds shared definitions (patterns, gradients) the panels refer to
      for (const child of [...clone.childNodes]) defs.appendChild(child);
      continue;
    }
    const panel = doc.createElementNS(SVG_NS, 'svg');
    panel.setAttribute('x', px(r.left - box.left));
    panel.setAttribute('y', px(r.top - box.top));
    panel.setAttribute('width', px(r.width));
    panel.setAttribute('height', px(r.height));
    const viewBox = layer.getAttribute('viewBox');
    if (viewBox) panel.setAttribute('viewBox', viewBox);
    const ratio = layer.getAttribute('preserveAspectRatio');
    if (ratio) panel.setAttribute('preserveAspectRatio', ratio);
    panel.setAttribute('overflow', 'visible');
    for (const child of [...clone.childNodes]) panel.appendChild(child);
    root.appendChild(panel);
    marks++;
  }
  if (html.texts.childNodes.length > 0) root.appendChild(html.texts);
  if (marks === 0) return null;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

/** Draws an SVG document on a canvas at `scale` and resolves with the PNG. */
export function svgToPng(svg: string, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    const w = m ? Number(m[1]) : 640;
    const h = m ? Number(m[2]) : 400;
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no 2D canvas'));
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, w, h);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the SVG did not load as an image'));
    };
    img.src = url;
  });
}

/** One CSV field: numbers in full precision (NaN empty, ±inf), text quoted when it must be. */
function csvField(v: string | number): string {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return v === 0 ? '0' : String(v);
  }
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The data table as CSV (RFC 4180: comma-separated, CRLF, quoted where needed), the column
 * names first. Numbers are written as they are, not as the page rounds them for reading.
 */
export function tableCsv(table: DataTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * TeX as LaTeX outside the app: the colour placeholders of `sym()` (src/ui/tex/sym.ts) are
 * dropped, keeping their argument as a group, so the file needs no colour package.
 */
export function plainTex(tex: string): string {
  return tex.replace(/\\textcolor\{#00000[1-8]\}/g, '');
}

/** The formula and the worked example at `values`, as a LaTeX snippet (amsmath's display math). */
export function cardLatex(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>,
  values: Values,
  result: unknown,
  lang: Lang,
  heading: { worked: string; link: string },
): string {
  const worked = def.worked(values, result, lang);
  return [
    `% ${heading.link}`,
    '\\[',
    plainTex(def.tex),
    '\\]',
    `% ${heading.worked}`,
    '\\[',
    plainTex(worked),
    '\\]',
    '',
  ].join('\n');
}

/**
 * `href` as an address to hand on: the same values, without presentation or embed mode, and a
 * view played from a lesson as itself, not as the whole lesson; `embed=1` when `embed`.
 */
function shareable(href: string, embed: boolean): string {
  const url = new URL(href);
  const q = new URLSearchParams(url.search);
  for (const key of ['present', 'embed', LESSON_PARAM, VIEW_PARAM]) q.delete(key);
  if (embed) q.set('embed', '1');
  url.search = q.toString().replace(/%2C/gi, ',').replace(/%3B/gi, ';');
  url.hash = '';
  return url.href;
}

/** The address of an embedded card from the current one: `embed=1`, no presentation mode. */
export function embedUrl(href: string): string {
  return shareable(href, true);
}

/** The address to share from the current one: the same values, no presentation or embed mode. */
export function linkUrl(href: string): string {
  return shareable(href, false);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The `<iframe>` snippet that embeds the card at `href`, titled for screen readers. */
export function iframeSnippet(href: string, title: string): string {
  return (
    `<iframe src="${escapeAttr(embedUrl(href))}" title="${escapeAttr(title)}" ` +
    `width="100%" height="720" style="border:0;max-width:1100px" loading="lazy"></iframe>`
  );
}

/** Saves `data` as a file named `name` through a temporary link. */
export function download(name: string, data: Blob | string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

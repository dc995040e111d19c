/**
 * Marks as data: rectangles, paths, circles and text in the SVG's viewBox units, styled by
 * name. `SvgMarks` draws a list as SVG elements and `drawMarks` on a canvas over a plot's
 * SVG, alike. The styles come from the page's CSS (see `readMarkStyle`), so themes,
 * highlights and presentation mode restyle canvas marks as they do SVG ones. A canvas
 * redraws in one pass without restyling, laying out or repainting any element, which is
 * what a panel of many changing cells needs on a tick.
 */

/** What every mark has: its style's name (one of a page's typed names) and an optional key. */
interface MarkBase<S extends string> {
  style: S;
  /** Keeps an SVG element with its mark across renders (`SvgMarks`); else the index does. */
  key?: string | number;
}

/** A rectangle; `fillOpacity` overrides its style's, and `fill` its paint (a heatmap cell's colour). */
export interface RectMark<S extends string = string> extends MarkBase<S> {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fillOpacity?: number;
  fill?: string;
}

/** A path given as SVG path data. */
export interface PathMark<S extends string = string> extends MarkBase<S> {
  type: 'path';
  d: string;
}

/** A circle; a radius set by its style's CSS wins over `r`. */
export interface CircleMark<S extends string = string> extends MarkBase<S> {
  type: 'circle';
  cx: number;
  cy: number;
  r: number;
}

/** A line of text at (x, y): `dy` shifts it in ems (0.32 centres digits), `size` overrides the font size. */
export interface TextMark<S extends string = string> extends MarkBase<S> {
  type: 'text';
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  dy?: number;
  size?: number;
}

/**
 * One mark, drawn in SVG or on a canvas alike. `S` is the union of style names a plot
 * declares, so a misspelt style is a type error rather than a mark that draws nothing.
 */
export type Mark<S extends string = string> =
  RectMark<S> | PathMark<S> | CircleMark<S> | TextMark<S>;

/** How a style draws, as read from the CSS of an SVG element. */
export interface MarkStyle {
  /** CSS colour, or null for none. */
  fill: string | null;
  stroke: string | null;
  lineWidth: number;
  fillAlpha: number;
  strokeAlpha: number;
  dash: number[];
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  /** The canvas font shorthand (weight, size in viewBox units, family). */
  font: string;
  fontSize: number;
  /** Text is stroked first and filled over it (`paint-order: stroke`), as a halo. */
  halo: boolean;
  /** Text is underlined (`text-decoration-line: underline`), in its fill. */
  underline: boolean;
  /** A circle's radius set by CSS, which overrides the mark's; else null. */
  radius: number | null;
}

/** The properties `readMarkStyle` reads; a `CSSStyleDeclaration` has them all. */
export interface StyleSource {
  fill: string;
  stroke: string;
  strokeWidth: string;
  fillOpacity: string;
  strokeOpacity: string;
  opacity: string;
  strokeDasharray: string;
  strokeLinecap: string;
  strokeLinejoin: string;
  fontSize: string;
  fontWeight: string;
  fontFamily: string;
  paintOrder: string;
  /** A circle's radius, where CSS sets it (`r`). */
  r?: string;
  /** The text's decoration lines, e.g. "underline" or "none". */
  textDecorationLine?: string;
}

function paint(value: string): string | null {
  const v = value.trim();
  return v === '' || v === 'none' || v.startsWith('url(') ? null : v;
}

function number(value: string, fallback: number): number {
  const x = parseFloat(value);
  return Number.isFinite(x) ? x : fallback;
}

/**
 * The canvas style of an element's computed style. `opacity` multiplies both alphas,
 * and so does `inherited`, the opacity of its groups.
 */
export function readMarkStyle(s: StyleSource, inherited = 1): MarkStyle {
  const opacity = number(s.opacity, 1) * inherited;
  const fontSize = number(s.fontSize, 13);
  const dash = s.strokeDasharray
    .split(/[\s,]+/)
    .map((part) => parseFloat(part))
    .filter((x) => Number.isFinite(x) && x >= 0);
  const cap = s.strokeLinecap;
  const join = s.strokeLinejoin;
  return {
    fill: paint(s.fill),
    stroke: paint(s.stroke),
    lineWidth: number(s.strokeWidth, 1),
    fillAlpha: number(s.fillOpacity, 1) * opacity,
    strokeAlpha: number(s.strokeOpacity, 1) * opacity,
    dash: dash.some((x) => x > 0) ? dash : [],
    lineCap: cap === 'round' || cap === 'square' ? cap : 'butt',
    lineJoin: join === 'round' || join === 'bevel' ? join : 'miter',
    font: `${s.fontWeight || '400'} ${fontSize}px ${s.fontFamily || 'sans-serif'}`,
    fontSize,
    halo: s.paintOrder.trim().startsWith('stroke'),
    underline: /\bunderline\b/.test(s.textDecorationLine ?? ''),
    radius: s.r && parseFloat(s.r) > 0 ? parseFloat(s.r) : null,
  };
}

const NO_STYLE: MarkStyle = readMarkStyle({
  fill: 'none',
  stroke: 'none',
  strokeWidth: '1',
  fillOpacity: '1',
  strokeOpacity: '1',
  opacity: '1',
  strokeDasharray: 'none',
  strokeLinecap: 'butt',
  strokeLinejoin: 'miter',
  fontSize: '13',
  fontWeight: '400',
  fontFamily: 'sans-serif',
  paintOrder: 'normal',
});

function strokeWith(ctx: CanvasRenderingContext2D, st: MarkStyle): boolean {
  if (!st.stroke || st.strokeAlpha <= 0 || st.lineWidth <= 0) return false;
  ctx.strokeStyle = st.stroke;
  ctx.globalAlpha = st.strokeAlpha;
  ctx.lineWidth = st.lineWidth;
  ctx.lineCap = st.lineCap;
  ctx.lineJoin = st.lineJoin;
  ctx.setLineDash(st.dash);
  return true;
}

function fillWith(
  ctx: CanvasRenderingContext2D,
  st: MarkStyle,
  alpha = st.fillAlpha,
  paint = st.fill,
): boolean {
  if (!paint || alpha <= 0) return false;
  ctx.fillStyle = paint;
  ctx.globalAlpha = alpha;
  return true;
}

function drawText(ctx: CanvasRenderingContext2D, m: TextMark, st: MarkStyle) {
  const size = m.size ?? st.fontSize;
  ctx.font = m.size === undefined ? st.font : st.font.replace(`${st.fontSize}px`, `${size}px`);
  ctx.textAlign = m.anchor === 'middle' ? 'center' : m.anchor === 'end' ? 'right' : 'left';
  ctx.textBaseline = 'alphabetic';
  const y = m.y + (m.dy ?? 0) * size;
  if (st.halo && strokeWith(ctx, st)) ctx.strokeText(m.text, m.x, y);
  if (fillWith(ctx, st)) {
    ctx.fillText(m.text, m.x, y);
    if (st.underline) {
      // where SVG text draws its underline: about 0.1 em below the baseline, 1/15 em thick
      const w = ctx.measureText(m.text).width;
      const x0 = m.anchor === 'middle' ? m.x - w / 2 : m.anchor === 'end' ? m.x - w : m.x;
      ctx.fillRect(x0, y + size * 0.1, w, size / 15);
    }
  }
  if (!st.halo && strokeWith(ctx, st)) ctx.strokeText(m.text, m.x, y);
}

/**
 * With an axis-aligned transform, a filled rectangle whose edges are moved to the nearest
 * device pixel: the cells of a dense heatmap then tile the canvas exactly, where
 * anti-aliased fractional edges left a light seam between every two cells (each covering
 * part of the shared pixel, and the two together less than all of it).
 */
function pixelSnap(
  ctx: CanvasRenderingContext2D,
): ((ctx: CanvasRenderingContext2D, m: RectMark) => void) | null {
  const t = typeof ctx.getTransform === 'function' ? ctx.getTransform() : null;
  if (!t) return null;
  const { a, b, c, d, e, f } = t;
  if (b !== 0 || c !== 0 || a === 0 || d === 0) return null;
  return (g, m) => {
    const x0 = Math.round(a * m.x + e);
    const x1 = Math.round(a * (m.x + m.width) + e);
    const y0 = Math.round(d * m.y + f);
    const y1 = Math.round(d * (m.y + m.height) + f);
    // a rectangle thinner than a pixel keeps its own size rather than vanish
    if (x0 === x1 || y0 === y1) g.rect(m.x, m.y, m.width, m.height);
    else g.rect((x0 - e) / a, (y0 - f) / d, (x1 - x0) / a, (y1 - y0) / d);
  };
}

/**
 * Draws marks in order with the named styles (an unknown name draws nothing). The
 * context's transform maps the marks' units to the canvas; it is kept.
 */
export function drawMarks(
  ctx: CanvasRenderingContext2D,
  marks: readonly Mark[],
  styles: ReadonlyMap<string, MarkStyle>,
): void {
  const snap = pixelSnap(ctx);
  for (const m of marks) {
    const st = styles.get(m.style) ?? NO_STYLE;
    if (m.type === 'text') {
      drawText(ctx, m, st);
      continue;
    }
    ctx.beginPath();
    if (m.type === 'rect') {
      if (snap && !st.stroke) snap(ctx, m);
      else ctx.rect(m.x, m.y, m.width, m.height);
    } else if (m.type === 'circle') ctx.arc(m.cx, m.cy, st.radius ?? m.r, 0, 2 * Math.PI);
    if (m.type === 'path') {
      const path = new Path2D(m.d);
      if (fillWith(ctx, st)) ctx.fill(path);
      if (strokeWith(ctx, st)) ctx.stroke(path);
      continue;
    }
    if (
      fillWith(
        ctx,
        st,
        m.type === 'rect' && m.fillOpacity !== undefined ? m.fillOpacity : st.fillAlpha,
        m.type === 'rect' && m.fill !== undefined ? m.fill : st.fill,
      )
    )
      ctx.fill();
    if (strokeWith(ctx, st)) ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

/** Whether two mark lists draw the same: the same marks, field for field, in the same order. */
export function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as unknown as Record<string, unknown>;
    const y = b[i] as unknown as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) if (!Object.is(x[k], y[k])) return false;
  }
  return true;
}

/**
 * Where an SVG with `preserveAspectRatio="xMidYMid meet"` puts its viewBox in a box
 * of the given size: the scale and the offset of the viewBox's origin.
 */
export function meetTransform(
  viewWidth: number,
  viewHeight: number,
  boxWidth: number,
  boxHeight: number,
): { scale: number; x: number; y: number } {
  const scale = Math.max(0, Math.min(boxWidth / viewWidth, boxHeight / viewHeight));
  return {
    scale,
    x: (boxWidth - viewWidth * scale) / 2,
    y: (boxHeight - viewHeight * scale) / 2,
  };
}

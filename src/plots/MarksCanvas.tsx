import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Bilingual, Lang } from '../ui/card/types';
import {
  drawMarks,
  meetTransform,
  readMarkStyle,
  sameMarks,
  type Mark,
  type MarkStyle,
} from './canvasMarks';
import { styleProbes, type MarkStyles } from './markStyles';
import { PlotFrame, type Margin } from './PlotFrame';
import { SvgMarks } from './SvgMarks';
import { marksRenderer, type MarksRender } from './marksRender';

/** The key under which a canvas keeps the marks it drew last (for tests, which read it). */
export const DRAWN_MARKS = Symbol.for('llm-math-explorer.drawn-marks');

/** The marks a `MarksCanvas` drew last, or undefined for any other element. */
export function drawnMarks(el: Element): readonly Mark[] | undefined {
  return (el as Element & { [DRAWN_MARKS]?: readonly Mark[] })[DRAWN_MARKS];
}

/**
 * Hidden elements in a plot's SVG whose computed styles give the canvas marks their
 * styles: the CSS that would style these elements in the SVG styles the marks.
 */
export function StyleProbes<S extends string>({ styles }: { styles: MarkStyles<S> }) {
  return (
    <g className="mark-style-probes" display="none">
      {styleProbes(styles).map((p) => {
        const probe = p.text ? (
          <text key={p.name} className={p.className} data-mark-style={p.name} />
        ) : (
          <rect key={p.name} className={p.className} data-mark-style={p.name} />
        );
        return p.group ? (
          <g key={p.name} className={p.group}>
            {probe}
          </g>
        ) : (
          probe
        );
      })}
    </g>
  );
}

/** Props of `MarksCanvas`. */
export interface MarksCanvasProps {
  /** The SVG the canvas lies over; its `StyleProbes` style the marks. */
  svgRef: RefObject<SVGSVGElement | null>;
  /** The SVG's viewBox size, and the inner origin the marks are placed from. */
  width: number;
  height: number;
  origin: { x: number; y: number };
  /** The marks of this render. */
  marks: readonly Mark[];
  /** Called when the browser gives the canvas no 2D context: nothing can be drawn on it. */
  onUnavailable?: () => void;
  /**
   * What the marks' styles depend on besides the theme, presentation mode and the size
   * (e.g. the card's highlight and the language). Given, the styles are read from the CSS
   * only when it changes, not on every render: reading them forces a style recalculation,
   * a tick's largest cost on a page of several canvases. Omitted, they are read every render.
   */
  styleKey?: string;
}

interface LayerState {
  ctx: CanvasRenderingContext2D | null;
  styles: Map<string, MarkStyle>;
  /** The style key the styles were read at. */
  styleKey?: string;
  /** The style key of the newest render. */
  wantKey?: string;
  /** viewBox units → canvas pixels */
  scale: number;
  x: number;
  y: number;
  marks: readonly Mark[];
  /** The pixel ratio and the CSS size the backing store was sized for. */
  ratio: number;
  boxWidth: number;
  boxHeight: number;
  /** Sizes the backing store for a CSS size at the current pixel ratio (once mounted). */
  resize: ((boxWidth: number, boxHeight: number) => void) | null;
  /** The canvas was sized since its last paint, which cleared it. */
  stale: boolean;
  /** The transform was worked out for the current viewBox and origin. */
  sized?: boolean;
}

/** Whether two styles draw the same. */
function sameStyle(a: MarkStyle, b: MarkStyle): boolean {
  const keys = Object.keys(a) as (keyof MarkStyle)[];
  return keys.every((k) =>
    k === 'dash' ? a.dash.join() === b.dash.join() : Object.is(a[k], b[k]),
  );
}

/** Whether two sets of read styles draw the same. */
function sameStyles(a: ReadonlyMap<string, MarkStyle>, b: ReadonlyMap<string, MarkStyle>) {
  if (a.size !== b.size) return false;
  for (const [name, st] of a) {
    const other = b.get(name);
    if (!other || !sameStyle(st, other)) return false;
  }
  return true;
}

/** Reads the styles of an SVG's `StyleProbes` into `styles`. */
function readStyles(svg: SVGSVGElement, styles: Map<string, MarkStyle>) {
  styles.clear();
  for (const probe of svg.querySelectorAll('[data-mark-style]')) {
    const group = probe.parentElement;
    const inherited =
      group && !group.classList.contains('mark-style-probes')
        ? Number(getComputedStyle(group).opacity) || 1
        : 1;
    styles.set(
      probe.getAttribute('data-mark-style') ?? '',
      readMarkStyle(getComputedStyle(probe), inherited),
    );
  }
}

/**
 * Clears the canvas and draws the state's marks, first sizing the backing store again if
 * the pixel ratio changed (zoom, another screen) since it was sized.
 */
function paint(canvas: HTMLCanvasElement, s: LayerState) {
  (canvas as HTMLCanvasElement & { [DRAWN_MARKS]?: readonly Mark[] })[DRAWN_MARKS] = s.marks;
  if ((window.devicePixelRatio || 1) !== s.ratio) s.resize?.(s.boxWidth, s.boxHeight);
  s.stale = false;
  const ctx = s.ctx;
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (s.scale <= 0) return;
  ctx.setTransform(s.scale, 0, 0, s.scale, s.x, s.y);
  drawMarks(ctx, s.marks, s.styles);
}

/**
 * A canvas laid over a plot's SVG (its parent must be positioned) that draws marks in the
 * SVG's viewBox units, crisp at the device's pixel ratio. It redraws on a render that
 * changes its marks or their styles, when the SVG is resized and when the theme changes.
 */
export function MarksCanvas({
  svgRef,
  width,
  height,
  origin,
  marks,
  onUnavailable,
  styleKey,
}: MarksCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const state = useRef<LayerState>({
    ctx: null,
    styles: new Map(),
    scale: 0,
    x: 0,
    y: 0,
    marks,
    ratio: 0,
    boxWidth: 0,
    boxHeight: 0,
    resize: null,
    stale: true,
  });
  const { x: ox, y: oy } = origin;

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const svg = svgRef.current;
    if (!canvas || !svg) return;
    const s = state.current;
    const resize = (boxWidth: number, boxHeight: number) => {
      const ratio = window.devicePixelRatio || 1;
      s.ratio = ratio;
      s.boxWidth = boxWidth;
      s.boxHeight = boxHeight;
      const w = Math.max(1, Math.round(boxWidth * ratio));
      const h = Math.max(1, Math.round(boxHeight * ratio));
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      canvas.style.width = `${boxWidth}px`;
      canvas.style.height = `${boxHeight}px`;
      s.stale = true;
      s.sized = true;
      const meet = meetTransform(width, height, boxWidth, boxHeight);
      s.scale = meet.scale * ratio;
      s.x = (meet.x + ox * meet.scale) * ratio;
      s.y = (meet.y + oy * meet.scale) * ratio;
    };
    s.ctx = canvas.getContext('2d') ?? null;
    if (!s.ctx) onUnavailable?.();
    s.resize = resize;
    s.sized = false;
    const observers: { disconnect: () => void }[] = [];
    if (typeof ResizeObserver !== 'undefined') {
      // Its first report (right after the layout of this frame, before its paint) sizes the
      // canvas: measuring here would force a layout in the middle of React's commit, once
      // per canvas.
      const ro = new ResizeObserver((entries) => {
        const r = entries[entries.length - 1].contentRect;
        const resized = s.sized;
        if (resized && r.width === s.boxWidth && r.height === s.boxHeight) return;
        resize(r.width, r.height);
        // the first report reads the styles (after the browser's layout and style, so
        // reading forces nothing); a new size may come with other styles (a media query)
        readStyles(svg, s.styles);
        s.styleKey = s.wantKey;
        paint(canvas, s);
      });
      ro.observe(svg);
      observers.push(ro);
    } else {
      const box = svg.getBoundingClientRect();
      resize(box.width, box.height);
    }
    // A theme change restyles the page without rendering the plot.
    const onTheme = () => {
      readStyles(svg, s.styles);
      paint(canvas, s);
    };
    const mo = new MutationObserver(onTheme);
    mo.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'data-present'],
    });
    observers.push(mo);
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    scheme?.addEventListener?.('change', onTheme);
    // A new pixel ratio (zoom, another screen) may leave the CSS size as it was: the
    // backing store follows it (see paint), so the marks stay crisp.
    let ratio: MediaQueryList | undefined;
    const onRatio = () => {
      ratio?.removeEventListener?.('change', onRatio);
      ratio = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      ratio?.addEventListener?.('change', onRatio);
      paint(canvas, s);
    };
    ratio = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    ratio?.addEventListener?.('change', onRatio);
    return () => {
      observers.forEach((o) => o.disconnect());
      scheme?.removeEventListener?.('change', onTheme);
      ratio?.removeEventListener?.('change', onRatio);
      s.resize = null;
    };
    // onUnavailable is only read on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [svgRef, width, height, ox, oy]);

  // Every render: the marks of the props, in styles that may have changed with them
  // (a highlight, the language, presentation mode). A render that leaves both as they
  // were (a tick that moves nothing of this panel) costs it no paint, unless the pixel
  // ratio changed since the last one (then paint sizes the backing store anew).
  useLayoutEffect(() => {
    const s = state.current;
    const canvas = canvasRef.current;
    const svg = svgRef.current;
    s.wantKey = styleKey;
    // Until its first size report the canvas has nothing to draw on; that report reads the
    // styles and paints (reading them here would force a style pass inside the commit).
    if (!canvas || !svg || !s.sized) {
      s.marks = marks;
      return;
    }
    let styles = s.styles;
    if (styleKey === undefined || styleKey !== s.styleKey || s.styles.size === 0) {
      styles = new Map<string, MarkStyle>();
      readStyles(svg, styles);
      s.styleKey = styleKey;
    }
    const sameRatio = (window.devicePixelRatio || 1) === s.ratio;
    if (!s.stale && sameRatio && sameMarks(s.marks, marks) && sameStyles(s.styles, styles)) return;
    s.marks = marks;
    s.styles = styles;
    paint(canvas, s);
  });

  return <canvas ref={canvasRef} className="marks-canvas" aria-hidden="true" />;
}

/** Props of `LayeredPlotFrame`. */
export interface LayeredPlotFrameProps<S extends string> {
  /** viewBox size and margins, as for `PlotFrame`. */
  width: number;
  height: number;
  margin: Margin;
  className?: string;
  /** Every style the marks may name, with its classes. */
  styles: MarkStyles<S>;
  /** The marks of this render, in the frame's inner units (from the margin's corner). */
  marks: readonly Mark<NoInfer<S>>[];
  /** Where the marks are drawn: on the canvas (default), in the SVG, or chosen by their count. */
  render?: MarksRender;
  /** The language of the note shown if the browser cannot draw on a canvas. */
  lang: Lang;
  /** What the styles depend on besides theme, presentation and size (see `MarksCanvas`). */
  styleKey?: string;
  /** What does not change with a tick, drawn in the SVG. */
  children: ReactNode;
}

/** Shown over a panel whose canvas has no 2D context (the card's data table still has it all). */
export const CANVAS_UNAVAILABLE: Bilingual = {
  en: 'This browser could not draw this panel. “Show data” below lists its values.',
  'zh-TW': '這個瀏覽器無法繪製此面板。下方的「顯示資料」列出了它的數值。',
};

/**
 * A `PlotFrame` with a `MarksCanvas` over it: the frame's static parts in SVG, and the marks
 * a tick changes on the canvas, in the same inner units. Put it in a positioned block.
 * With `render` "svg" (or "auto" and few marks) the marks are SVG elements after the children.
 */
export function LayeredPlotFrame<S extends string>({
  width,
  height,
  margin,
  className,
  styles,
  marks,
  render = 'canvas',
  lang,
  styleKey,
  children,
}: LayeredPlotFrameProps<S>) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [unavailable, setUnavailable] = useState(false);
  const canvas = marksRenderer(render, marks.length) === 'canvas';
  return (
    <>
      <PlotFrame
        width={width}
        height={height}
        margin={margin}
        className={className}
        svgRef={svgRef}
      >
        {canvas && <StyleProbes styles={styles} />}
        {children}
        {!canvas && <SvgMarks marks={marks} styles={styles} />}
      </PlotFrame>
      {canvas && (
        <MarksCanvas
          svgRef={svgRef}
          width={width}
          height={height}
          origin={{ x: margin.left, y: margin.top }}
          marks={marks}
          styleKey={styleKey}
          onUnavailable={() => setUnavailable(true)}
        />
      )}
      {canvas && unavailable && (
        <p className="marks-unavailable" role="note">
          {CANVAS_UNAVAILABLE[lang]}
        </p>
      )}
    </>
  );
}

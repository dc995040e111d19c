import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Lang } from '../ui/card/types';
import type { Mark } from './canvasMarks';
import { denseClass, type DenseStyle } from './denseStyles';
import { useFrame } from './frame';
import type { MarkStyleSpec, MarkStyles } from './markStyles';
import { CANVAS_UNAVAILABLE, MarksCanvas, StyleProbes } from './MarksCanvas';

/** Props of `DenseCanvas`. */
export interface DenseCanvasProps<S extends string> {
  /** The marks, in the frame's inner pixels (as SVG marks inside the frame would be). */
  marks: readonly Mark<NoInfer<S>>[];
  /** Every style the marks may name (`denseMarkStyles` for the dense kit's). */
  styles: MarkStyles<S>;
  /** Language of the note shown when the browser gives the canvas no 2D context. */
  lang?: Lang;
  /**
   * What the styles depend on besides the theme and presentation mode (see `MarksCanvas`);
   * by default the language. The dense kit's styles are its own classes, so they are read
   * from the CSS when this changes, not on every render.
   */
  styleKey?: string;
}

/** The style table of some dense-kit styles, each with its CSS class (text styles as text). */
export function denseMarkStyles<S extends DenseStyle, T extends DenseStyle = never>(
  styles: readonly S[],
  textStyles: readonly T[] = [],
): MarkStyles<S | T> {
  const table: Partial<Record<S | T, MarkStyleSpec>> = {};
  for (const name of styles) table[name] = { className: denseClass(name) };
  for (const name of textStyles) table[name] = { className: denseClass(name), text: true };
  return table as MarkStyles<S | T>;
}

/**
 * Where the layer goes: absolutely positioned over the SVG, measured against the layer's
 * own containing block, so it covers the SVG whether or not the SVG's parent is positioned.
 */
function place(layer: HTMLElement, svg: SVGSVGElement) {
  const parent = layer.offsetParent as HTMLElement | null;
  const box = svg.getBoundingClientRect();
  const base = parent?.getBoundingClientRect() ?? { left: 0, top: 0 };
  const left = box.left - base.left - (parent?.clientLeft ?? 0) + (parent?.scrollLeft ?? 0);
  const top = box.top - base.top - (parent?.clientTop ?? 0) + (parent?.scrollTop ?? 0);
  layer.style.left = `${left}px`;
  layer.style.top = `${top}px`;
}

/**
 * A canvas layer for a dense mark set drawn from inside a `PlotFrame`: the style probes go
 * into the SVG, and a `MarksCanvas` (the same drawing, pixel ratio and theme handling as
 * every canvas panel) goes next to the SVG, laid over it. The marks take the frame's inner
 * pixels; nothing of the page has to wire an SVG ref or a positioned wrapper.
 */
export function DenseCanvas<S extends string>({
  marks,
  styles,
  lang = 'en',
  styleKey = lang,
}: DenseCanvasProps<S>) {
  const frame = useFrame();
  const anchor = useRef<SVGGElement>(null);
  const svgRef = useRef<SVGSVGElement | null>(null) as RefObject<SVGSVGElement | null>;
  const layerRef = useRef<HTMLDivElement>(null);
  const [host, setHost] = useState<HTMLElement | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useLayoutEffect(() => {
    const svg = anchor.current?.ownerSVGElement ?? null;
    svgRef.current = svg;
    setHost(svg?.parentElement ?? null);
  }, [svgRef]);

  // Placed when the layer mounts and when the frame or the SVG's box changes size, by the
  // ResizeObserver's reports: its first comes after the browser's own layout of the frame
  // and before its paint, so placing measures a laid-out page instead of forcing a layout
  // in the middle of React's commit.
  useLayoutEffect(() => {
    const layer = layerRef.current;
    const svg = svgRef.current;
    if (!layer || !svg) return;
    if (typeof ResizeObserver === 'undefined') {
      place(layer, svg);
      return;
    }
    const ro = new ResizeObserver(() => place(layer, svg));
    ro.observe(svg);
    if (host) ro.observe(host);
    return () => ro.disconnect();
  }, [svgRef, host, frame.width, frame.height]);

  return (
    <g ref={anchor} className="kd-canvas-anchor" aria-hidden="true">
      <StyleProbes styles={styles} />
      {host &&
        createPortal(
          <div ref={layerRef} className="kd-canvas-layer">
            <MarksCanvas
              svgRef={svgRef}
              width={frame.width}
              height={frame.height}
              origin={{ x: frame.margin.left, y: frame.margin.top }}
              marks={marks}
              styleKey={styleKey}
              onUnavailable={() => setUnavailable(true)}
            />
            {unavailable && (
              <p className="marks-unavailable kd-unavailable" role="note">
                {CANVAS_UNAVAILABLE[lang]}
              </p>
            )}
          </div>,
          host,
        )}
    </g>
  );
}

import { memo, useMemo } from 'react';
import { useOptionalFrame } from './frame';
import { measureText, PLOT_FONT, useMeasureText } from './measureText';
import { cx, toneClass, type Tone } from './tones';

/** How a legend entry's swatch is drawn, matching its series. */
export type SwatchKind = 'line' | 'dashed' | 'area' | 'point';

/** One legend entry. */
export interface LegendItem {
  label: string;
  tone: Tone;
  kind?: SwatchKind;
}

/** Spacing of a legend, in viewBox units. */
export interface LegendMetrics {
  swatch: number;
  /** Between swatch and label. */
  gap: number;
  /** Between entries in a row. */
  spacing: number;
  rowHeight: number;
}

export const LEGEND_METRICS: LegendMetrics = { swatch: 22, gap: 6, spacing: 16, rowHeight: 20 };

/** A legend entry placed: its row, left x, shown label (ellipsised if it could not fit) and width. */
export interface PlacedItem extends LegendItem {
  row: number;
  x: number;
  width: number;
  text: string;
}

/** A legend's layout: entries placed left to right in rows no wider than `width`. */
export interface LegendLayout {
  items: PlacedItem[];
  rows: number;
  height: number;
}

/** `label` cut with "…" to at most `max` wide (measured). */
function fitLabel(label: string, max: number, measure: (s: string) => number): string {
  if (measure(label) <= max) return label;
  const chars = [...label];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('')}…`;
}

/**
 * Places legend entries from their measured widths: left to right, a new row
 * when the next would pass `width`; a label too long for a row of its own is
 * cut with "…", so no row is ever wider than `width`. `font` is the labels' CSS font
 * (measured with `measureText`), or a function giving a label's width.
 */
export function legendLayout(
  items: readonly LegendItem[],
  width: number,
  font: string | ((text: string) => number) = PLOT_FONT,
  m: LegendMetrics = LEGEND_METRICS,
): LegendLayout {
  const measure = typeof font === 'string' ? (t: string) => measureText(t, font) : font;
  const placed: PlacedItem[] = [];
  let row = 0;
  let x = 0;
  const room = Math.max(0, width - m.swatch - m.gap);
  for (const item of items) {
    const text = fitLabel(item.label, room, measure);
    const w = m.swatch + m.gap + measure(text);
    if (x > 0 && x + w > width) {
      row += 1;
      x = 0;
    }
    placed.push({ ...item, row, x, width: w, text });
    x += w + m.spacing;
  }
  const rows = items.length === 0 ? 0 : row + 1;
  return { items: placed, rows, height: rows * m.rowHeight };
}

function Swatch({ kind, size }: { kind: SwatchKind; size: number }) {
  switch (kind) {
    case 'area':
      return <rect className="kit-legend-swatch kit-area" x={0} y={-6} width={size} height={12} />;
    case 'point':
      return <circle className="kit-legend-swatch kit-point" cx={size / 2} cy={0} r={5} />;
    case 'dashed':
      return (
        <line className="kit-legend-swatch kit-line stroke-dashed" x1={0} x2={size} y1={0} y2={0} />
      );
    default:
      return <line className="kit-legend-swatch kit-line" x1={0} x2={size} y1={0} y2={0} />;
  }
}

/** Props of `Legend`. */
export interface LegendProps {
  items: readonly LegendItem[];
  /** Row width; default the frame's inner width. */
  width?: number;
  /** Offset of the top-left corner in the inner group; default (0, 0). */
  x?: number;
  y?: number;
  /** The font the labels render in (for measuring); default the plots' 13px. */
  font?: string;
}

/** A legend of swatches and labels, laid out from measured text and wrapped to rows. */
export const Legend = memo(function Legend({
  items,
  width,
  x = 0,
  y = 0,
  font = PLOT_FONT,
}: LegendProps) {
  const frame = useOptionalFrame();
  const w = width ?? frame?.innerWidth ?? 400;
  const measure = useMeasureText();
  const layout = useMemo(
    () => legendLayout(items, w, (t) => measure(t, font)),
    [items, w, font, measure],
  );
  const m = LEGEND_METRICS;
  return (
    <g className="kit-legend legend" transform={`translate(${x},${y})`} aria-hidden="true">
      {layout.items.map((item, i) => (
        <g
          key={i}
          className={cx('kit-legend-item', toneClass(item.tone))}
          transform={`translate(${item.x},${item.row * m.rowHeight + m.rowHeight / 2})`}
        >
          <Swatch kind={item.kind ?? 'line'} size={m.swatch} />
          <text className="kit-legend-label" x={m.swatch + m.gap} dy="0.32em">
            {item.text}
          </text>
        </g>
      ))}
    </g>
  );
});

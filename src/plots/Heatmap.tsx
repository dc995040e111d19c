import { memo, useMemo } from 'react';
import type { Lang } from '../ui/card/types';
import type { Mark } from './canvasMarks';
import { makeColorScale, wantsLightText, type ColorScale, type ColorScaleSpec } from './colorScale';
import { DenseCanvas, denseMarkStyles } from './DenseCanvas';
import { denseClass, type DenseStyle } from './denseStyles';
import { formatFixed, formatNumber } from './formatNumber';
import { useFrame, type ContinuousScale } from './frame';
import './kit-dense.css';

/** Past this many cells a heatmap draws on a canvas (a 100×100 decision map, long attention). */
export const HEATMAP_CANVAS_THRESHOLD = 100;

/** Rough width of a digit of cell text in viewBox units (13px text). */
const CHAR_WIDTH = 7.5;
/** Overlap of neighbouring cells without a gap, so no seam of the background shows between them. */
const BLEED = 0.3;

/** A heatmap cell laid out in the frame's inner pixels. */
export interface HeatmapCell {
  row: number;
  col: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The cell's colour; null for a non-finite value (drawn in the missing style). */
  fill: string | null;
  style: Extract<DenseStyle, 'heatmap-cell' | 'heatmap-missing'>;
  /** The value text drawn in the cell, or null when values are off or it does not fit. */
  text: string | null;
  /** The text's tone, light on dark cells; dark where no text is drawn. */
  textStyle: Extract<DenseStyle, 'heatmap-value-light' | 'heatmap-value-dark'>;
}

/** What `heatmapLayout` lays out. */
export interface HeatmapLayoutOptions {
  /** Rows of values; every row as long as the first (shorter rows are padded with NaN). */
  values: readonly (readonly number[])[];
  /** The frame's scales. */
  x: ContinuousScale;
  y: ContinuousScale;
  /** The data rectangle the cells tile; default the scales' domains. */
  extent?: { x: readonly [number, number]; y: readonly [number, number] };
  /** Which side row 0 is on: 'top' for a matrix, 'bottom' for a grid sampled with y up. */
  origin?: 'top' | 'bottom';
  color: ColorScale;
  /** Gap between cells in viewBox units; 0 (default) tiles them edge to edge. */
  gap?: number;
  /** Write each value in its cell when the text fits. */
  showValues?: boolean;
  format?: (v: number) => string;
}

/** The cells of a matrix tiled over a data rectangle, in drawing order (top row first, left to right). */
export function heatmapLayout({
  values,
  x,
  y,
  extent,
  origin = 'top',
  color,
  gap = 0,
  showValues = false,
  format = (v) => formatFixed(v, 2),
}: HeatmapLayoutOptions): HeatmapCell[] {
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  if (rows === 0 || cols === 0) return [];
  const [x0, x1] = extent?.x ?? (x.domain() as [number, number]);
  const [ya, yb] = extent?.y ?? (y.domain() as [number, number]);
  // row edges run from the origin's side of the rectangle to the other
  const [yStart, yEnd] = y(ya) < y(yb) === (origin === 'top') ? [ya, yb] : [yb, ya];
  const colEdges = Array.from({ length: cols + 1 }, (_, j) => x(x0 + ((x1 - x0) * j) / cols));
  const rowEdges = Array.from({ length: rows + 1 }, (_, i) =>
    y(yStart + ((yEnd - yStart) * i) / rows),
  );
  const rowOrder = Array.from({ length: rows }, (_, i) => i);
  if (rowEdges[rows] < rowEdges[0]) rowOrder.reverse();
  const colOrder = Array.from({ length: cols }, (_, j) => j);
  if (colEdges[cols] < colEdges[0]) colOrder.reverse();
  const half = gap / 2;
  const cells: HeatmapCell[] = [];
  for (const i of rowOrder) {
    const top = Math.min(rowEdges[i], rowEdges[i + 1]);
    const bottom = Math.max(rowEdges[i], rowEdges[i + 1]);
    for (const j of colOrder) {
      const left = Math.min(colEdges[j], colEdges[j + 1]);
      const right = Math.max(colEdges[j], colEdges[j + 1]);
      const v = values[i][j] ?? NaN;
      const fill = color(v);
      // inner sides: shrink by half the gap, or overlap by the bleed without one
      const grow = gap > 0 ? -half : BLEED / 2;
      const l = left === Math.min(colEdges[0], colEdges[cols]) ? left : left - grow;
      const r = right === Math.max(colEdges[0], colEdges[cols]) ? right : right + grow;
      const t = top === Math.min(rowEdges[0], rowEdges[rows]) ? top : top - grow;
      const b = bottom === Math.max(rowEdges[0], rowEdges[rows]) ? bottom : bottom + grow;
      const width = Math.max(0, r - l);
      const height = Math.max(0, b - t);
      let text: string | null = null;
      if (showValues) {
        const s = Number.isFinite(v) ? format(v) : formatNumber(v);
        if (s.length * CHAR_WIDTH + 4 <= width && height >= 15) text = s;
      }
      cells.push({
        row: i,
        col: j,
        value: v,
        x: l,
        y: t,
        width,
        height,
        fill,
        style: fill === null ? 'heatmap-missing' : 'heatmap-cell',
        text,
        // the tone only where a text is drawn: a colour parsed for each of a decision map's
        // 10,000 unlabelled cells was a good part of its layout
        textStyle:
          text !== null && fill !== null && wantsLightText(fill)
            ? 'heatmap-value-light'
            : 'heatmap-value-dark',
      });
    }
  }
  return cells;
}

/** The styles of a heatmap's canvas marks. */
export type HeatmapMarkStyle = HeatmapCell['style'] | HeatmapCell['textStyle'];

/** The canvas marks of laid-out cells: every rectangle, then every value text over them. */
export function heatmapMarks(cells: readonly HeatmapCell[]): Mark<HeatmapMarkStyle>[] {
  const marks: Mark<HeatmapMarkStyle>[] = cells.map((c) =>
    c.fill === null
      ? { type: 'rect', style: c.style, x: c.x, y: c.y, width: c.width, height: c.height }
      : {
          type: 'rect',
          style: c.style,
          x: c.x,
          y: c.y,
          width: c.width,
          height: c.height,
          fill: c.fill,
        },
  );
  for (const c of cells) {
    if (c.text === null) continue;
    marks.push({
      type: 'text',
      style: c.textStyle,
      x: c.x + c.width / 2,
      y: c.y + c.height / 2,
      text: c.text,
      anchor: 'middle',
      dy: 0.32,
    });
  }
  return marks;
}

/** What `heatmapSummary` describes. */
export interface HeatmapSummaryOptions {
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  format?: (v: number) => string;
  lang?: Lang;
  /** What a row and a column are, e.g. "query" / "key"; default "row" / "column". */
  rowName?: string;
  colName?: string;
}

/**
 * A sentence for a heatmap's text alternative: its size, the smallest and largest values
 * and where they are, the mean, and how many cells have no finite value.
 */
export function heatmapSummary(
  values: readonly (readonly number[])[],
  {
    rowLabels,
    colLabels,
    format = (v) => formatNumber(v, 2),
    lang = 'en',
    rowName,
    colName,
  }: HeatmapSummaryOptions = {},
): string {
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  const zh = lang === 'zh-TW';
  const rn = rowName ?? (zh ? '列' : 'row');
  const cn = colName ?? (zh ? '欄' : 'column');
  let min = Infinity;
  let max = -Infinity;
  let at = { min: [0, 0], max: [0, 0] };
  let sum = 0;
  let n = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = values[i][j] ?? NaN;
      if (!Number.isFinite(v)) continue;
      n++;
      sum += v;
      if (v < min) {
        min = v;
        at = { ...at, min: [i, j] };
      }
      if (v > max) {
        max = v;
        at = { ...at, max: [i, j] };
      }
    }
  }
  const where = ([i, j]: number[]) =>
    zh
      ? `${rn} ${rowLabels?.[i] ?? i + 1}、${cn} ${colLabels?.[j] ?? j + 1}`
      : `${rn} ${rowLabels?.[i] ?? i + 1}, ${cn} ${colLabels?.[j] ?? j + 1}`;
  const missing = rows * cols - n;
  if (zh) {
    const size = `${rows}×${cols} 的熱度圖`;
    if (n === 0) return `${size}，沒有有限的數值。`;
    const gaps = missing > 0 ? `；${missing} 格沒有有限的數值` : '';
    return `${size}：最小值 ${format(min)}（${where(at.min)}），最大值 ${format(max)}（${where(at.max)}），平均 ${format(sum / n)}${gaps}。`;
  }
  const size = `${rows}×${cols} heatmap`;
  if (n === 0) return `${size} with no finite values.`;
  const gaps =
    missing > 0 ? `; ${missing} cell${missing === 1 ? '' : 's'} without a finite value` : '';
  return `${size}: lowest ${format(min)} (${where(at.min)}), highest ${format(max)} (${where(at.max)}), mean ${format(sum / n)}${gaps}.`;
}

/** Props of `Heatmap`. */
export interface HeatmapProps {
  /** Rows of values (row 0 on the `origin` side). */
  values: readonly (readonly number[])[];
  /** The colour scale, as data or built (`makeColorScale`). */
  color: ColorScaleSpec | ColorScale;
  /** The data rectangle the cells tile; default the frame's domains. */
  extent?: { x: readonly [number, number]; y: readonly [number, number] };
  origin?: 'top' | 'bottom';
  gap?: number;
  /** Write values in cells big enough for them. */
  showValues?: boolean;
  format?: (v: number) => string;
  /** Labels left of the rows and above (or below) the columns. */
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  colLabelsAt?: 'top' | 'bottom';
  /** Outline a row, or one cell. */
  highlight?: { row: number; col?: number } | null;
  /** 'auto' (default) switches to a canvas past `HEATMAP_CANVAS_THRESHOLD` cells. */
  render?: 'auto' | 'svg' | 'canvas';
  /** Language of the note shown if the canvas cannot draw. */
  lang?: Lang;
}

const MARK_STYLES = denseMarkStyles(
  ['heatmap-cell', 'heatmap-missing'],
  ['heatmap-value-light', 'heatmap-value-dark'],
);

/**
 * A matrix of values as coloured cells over the frame's data rectangle, drawn in SVG up to
 * `HEATMAP_CANVAS_THRESHOLD` cells and on a canvas past that; labels, the highlight and a
 * frame stay in SVG. A picture: give the card's figure `heatmapSummary` as its text.
 */
export const Heatmap = memo(function Heatmap({
  values,
  color,
  extent,
  origin = 'top',
  gap = 0,
  showValues = false,
  format,
  rowLabels,
  colLabels,
  colLabelsAt = 'top',
  highlight = null,
  render = 'auto',
  lang = 'en',
}: HeatmapProps) {
  const frame = useFrame();
  // a spec written inline compares by content, so a render with the same spec reuses the scale
  const specKey = typeof color === 'function' ? color : JSON.stringify(color);
  const scale = useMemo(
    () => (typeof color === 'function' ? color : makeColorScale(color)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- specKey stands for color
    [specKey],
  );
  const cells = useMemo(
    () =>
      heatmapLayout({
        values,
        x: frame.x,
        y: frame.y,
        extent,
        origin,
        color: scale,
        gap,
        showValues,
        format,
      }),
    [values, frame.x, frame.y, extent, origin, scale, gap, showValues, format],
  );
  const count = cells.length;
  const canvas = render === 'canvas' || (render === 'auto' && count > HEATMAP_CANVAS_THRESHOLD);
  const marks = useMemo(() => (canvas ? heatmapMarks(cells) : []), [canvas, cells]);
  if (count === 0) return null;

  const cols = values[0].length;
  const left = Math.min(...cells.map((c) => c.x));
  const top = Math.min(...cells.map((c) => c.y));
  const right = Math.max(...cells.map((c) => c.x + c.width));
  const bottom = Math.max(...cells.map((c) => c.y + c.height));
  const rowCentre = new Map<number, number>();
  const colCentre = new Map<number, number>();
  const rowBox = new Map<number, { y: number; h: number }>();
  for (const c of cells) {
    if (!rowCentre.has(c.row)) {
      rowCentre.set(c.row, c.y + c.height / 2);
      rowBox.set(c.row, { y: c.y, h: c.height });
    }
    if (!colCentre.has(c.col)) colCentre.set(c.col, c.x + c.width / 2);
  }
  const hlCell =
    highlight && highlight.col !== undefined
      ? cells.find((c) => c.row === highlight.row && c.col === highlight.col)
      : undefined;
  const hlRow = highlight && highlight.col === undefined ? rowBox.get(highlight.row) : undefined;

  return (
    <g className="kd-heatmap" aria-hidden="true">
      {canvas ? (
        <DenseCanvas marks={marks} styles={MARK_STYLES} lang={lang} />
      ) : (
        <>
          <g className="kd-heatmap-cells">
            {cells.map((c) => (
              <rect
                key={c.row * cols + c.col}
                className={denseClass(c.style)}
                x={c.x}
                y={c.y}
                width={c.width}
                height={c.height}
                fill={c.fill ?? undefined}
                data-row={c.row}
                data-col={c.col}
              />
            ))}
          </g>
          {showValues && (
            <g className="kd-heatmap-values">
              {cells.map((c) =>
                c.text === null ? null : (
                  <text
                    key={c.row * cols + c.col}
                    className={denseClass(c.textStyle)}
                    x={c.x + c.width / 2}
                    y={c.y + c.height / 2}
                    dy="0.32em"
                    textAnchor="middle"
                  >
                    {c.text}
                  </text>
                ),
              )}
            </g>
          )}
        </>
      )}
      <rect
        className={denseClass('heatmap-frame')}
        x={left}
        y={top}
        width={right - left}
        height={bottom - top}
      />
      {hlRow && (
        <rect
          className={denseClass('heatmap-highlight')}
          x={left}
          y={hlRow.y}
          width={right - left}
          height={hlRow.h}
        />
      )}
      {hlCell && (
        <rect
          className={denseClass('heatmap-highlight')}
          x={hlCell.x}
          y={hlCell.y}
          width={hlCell.width}
          height={hlCell.height}
        />
      )}
      {rowLabels && (
        <g className="kd-heatmap-row-labels">
          {rowLabels.map((label, i) =>
            rowCentre.has(i) ? (
              <text
                key={i}
                className={denseClass('heatmap-label')}
                x={left - 6}
                y={rowCentre.get(i)}
                dy="0.32em"
                textAnchor="end"
              >
                {label}
              </text>
            ) : null,
          )}
        </g>
      )}
      {colLabels && (
        <g className="kd-heatmap-col-labels">
          {colLabels.map((label, j) =>
            colCentre.has(j) ? (
              <text
                key={j}
                className={denseClass('heatmap-label')}
                x={colCentre.get(j)}
                y={colLabelsAt === 'top' ? top - 6 : bottom + 16}
                textAnchor="middle"
              >
                {label}
              </text>
            ) : null,
          )}
        </g>
      )}
    </g>
  );
});

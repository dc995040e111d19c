import { memo, type CSSProperties, type ReactElement } from 'react';
import type { Mark } from './canvasMarks';
import type { MarkStyles } from './markStyles';

/** Props of `SvgMarks`. */
export interface SvgMarksProps<S extends string> {
  /** The marks, in the units of the group they are drawn in. */
  marks: readonly Mark<NoInfer<S>>[];
  /** Every style the marks may name: an element gets its style's classes (and group). */
  styles: MarkStyles<S>;
}

/** A mark's own styles (paint, fill opacity, font size), which win over its classes' rules. */
function ownStyle(m: Mark): CSSProperties | undefined {
  const own: CSSProperties = {};
  if (m.type === 'rect' && m.fill !== undefined) own.fill = m.fill;
  if (m.type === 'rect' && m.fillOpacity !== undefined) own.fillOpacity = m.fillOpacity;
  if (m.type === 'text' && m.size !== undefined) own.fontSize = m.size;
  return Object.keys(own).length > 0 ? own : undefined;
}

/**
 * A mark's element key: its own key, else its index (the two never collide), and which own
 * styles it has. A mark that gains or drops one gets a new element, so an update leaves the
 * markup of a fresh render (no empty style attribute, the properties in the same order).
 */
function keyOf(m: Mark, index: number, own: CSSProperties | undefined): string {
  const base = m.key === undefined ? `#${index}` : `k${String(m.key)}`;
  return own ? `${base}+${Object.keys(own).join()}` : base;
}

/** The element of one mark, with its classes and own styles. */
function element(
  m: Mark,
  className: string,
  own: CSSProperties | undefined,
  key?: string,
): ReactElement {
  switch (m.type) {
    case 'rect':
      return (
        <rect
          key={key}
          className={className}
          x={m.x}
          y={m.y}
          width={m.width}
          height={m.height}
          style={own}
        />
      );
    case 'path':
      return <path key={key} className={className} d={m.d} />;
    case 'circle':
      return <circle key={key} className={className} cx={m.cx} cy={m.cy} r={m.r} />;
    case 'text':
      return (
        <text
          key={key}
          className={className}
          x={m.x}
          y={m.y}
          // always written, so an update keeps the attributes in a fresh render's order
          dy={`${m.dy ?? 0}em`}
          textAnchor={m.anchor ?? 'start'}
          style={own}
        >
          {m.text}
        </text>
      );
  }
}

function SvgMarksImpl<S extends string>({ marks, styles }: SvgMarksProps<S>) {
  return (
    <g className="svg-marks">
      {marks.map((m, i) => {
        const spec = styles[m.style] as MarkStyles<S>[S] | undefined;
        // a name the table lacks (only past a cast) draws nothing, as on the canvas
        if (!spec) return null;
        const own = ownStyle(m);
        const key = keyOf(m, i, own);
        return spec.group ? (
          <g key={key} className={spec.group}>
            {element(m, spec.className, own)}
          </g>
        ) : (
          element(m, spec.className, own, key)
        );
      })}
    </g>
  );
}

/**
 * A list of marks as keyed SVG elements, in order (later marks over earlier ones): the same
 * drawing `MarksCanvas` makes of the list on a canvas. An element keeps its mark by the
 * mark's `key`, else by its index.
 */
export const SvgMarks = memo(SvgMarksImpl) as typeof SvgMarksImpl;

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawMarks,
  meetTransform,
  readMarkStyle,
  sameMarks,
  type Mark,
  type MarkStyle,
  type StyleSource,
} from '../../src/plots/canvasMarks';

const computed = (over: Partial<StyleSource> = {}): StyleSource => ({
  fill: 'rgb(0, 0, 0)',
  stroke: 'none',
  strokeWidth: '1px',
  fillOpacity: '1',
  strokeOpacity: '1',
  opacity: '1',
  strokeDasharray: 'none',
  strokeLinecap: 'butt',
  strokeLinejoin: 'miter',
  fontSize: '13px',
  fontWeight: '400',
  fontFamily: 'system-ui, sans-serif',
  paintOrder: 'normal',
  ...over,
});

describe('readMarkStyle', () => {
  it('reads paints, widths, dashes and the font of a computed style', () => {
    const st = readMarkStyle(
      computed({
        fill: 'none',
        stroke: 'rgb(27, 122, 53)',
        strokeWidth: '1.5px',
        strokeDasharray: '4px, 3px',
        strokeLinecap: 'round',
        fontSize: '14px',
        fontWeight: '700',
      }),
    );
    expect(st.fill).toBeNull();
    expect(st.stroke).toBe('rgb(27, 122, 53)');
    expect(st.lineWidth).toBe(1.5);
    expect(st.dash).toEqual([4, 3]);
    expect(st.lineCap).toBe('round');
    expect(st.font).toBe('700 14px system-ui, sans-serif');
    expect(st.fontSize).toBe(14);
    expect(st.halo).toBe(false);
    expect(st.radius).toBeNull();
  });

  it('text-decoration-line underline (alone or with others) underlines; none does not', () => {
    expect(readMarkStyle(computed({ textDecorationLine: 'underline' })).underline).toBe(true);
    expect(readMarkStyle(computed({ textDecorationLine: 'overline underline' })).underline).toBe(
      true,
    );
    expect(readMarkStyle(computed({ textDecorationLine: 'none' })).underline).toBe(false);
    expect(readMarkStyle(computed()).underline).toBe(false);
  });

  it('a pattern fill (url) is not drawn, paint-order stroke makes a halo, CSS r sets a radius', () => {
    const st = readMarkStyle(computed({ fill: 'url("#hatch")', paintOrder: 'stroke', r: '6px' }));
    expect(st.fill).toBeNull();
    expect(st.halo).toBe(true);
    expect(st.radius).toBe(6);
  });

  it('opacity, and the opacity of the groups around, multiply both alphas', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (fillOpacity, strokeOpacity, opacity, group) => {
          const st = readMarkStyle(
            computed({
              fillOpacity: String(fillOpacity),
              strokeOpacity: String(strokeOpacity),
              opacity: String(opacity),
            }),
            group,
          );
          expect(st.fillAlpha).toBeCloseTo(fillOpacity * opacity * group, 12);
          expect(st.strokeAlpha).toBeCloseTo(strokeOpacity * opacity * group, 12);
        },
      ),
    );
  });

  it('a dash pattern of zeros draws solid', () => {
    expect(readMarkStyle(computed({ strokeDasharray: '0px' })).dash).toEqual([]);
  });
});

describe('meetTransform', () => {
  it('fits the viewBox inside the box, touching two opposite sides, centred on the other axis', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 1, max: 4000, noNaN: true }),
        fc.double({ min: 1, max: 4000, noNaN: true }),
        (vw, vh, bw, bh) => {
          const { scale, x, y } = meetTransform(vw, vh, bw, bh);
          const w = vw * scale;
          const h = vh * scale;
          expect(w).toBeLessThanOrEqual(bw * (1 + 1e-12));
          expect(h).toBeLessThanOrEqual(bh * (1 + 1e-12));
          // one dimension fills the box
          expect(Math.min(Math.abs(w - bw) / bw, Math.abs(h - bh) / bh)).toBeLessThan(1e-12);
          // centred: equal space left and right, above and below
          expect(x).toBeCloseTo(bw - w - x, 6);
          expect(y).toBeCloseTo(bh - h - y, 6);
        },
      ),
    );
  });

  it('a 300 × 344 viewBox in a 450 × 344 box: scale 1, 75 on each side', () => {
    expect(meetTransform(300, 344, 450, 344)).toEqual({ scale: 1, x: 75, y: 0 });
  });
});

/** A 2D context that records the calls drawMarks makes and the state at each draw. */
function recorder() {
  const calls: string[] = [];
  const state = {
    fillStyle: '',
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    dash: [] as number[],
  };
  const ctx = {
    ...state,
    beginPath: () => calls.push('beginPath'),
    rect: (x: number, y: number, w: number, h: number) => calls.push(`rect ${x} ${y} ${w} ${h}`),
    arc: (x: number, y: number, r: number) => calls.push(`arc ${x} ${y} ${r}`),
    fill(this: typeof state) {
      calls.push(`fill ${this.fillStyle} ${this.globalAlpha}`);
    },
    stroke(this: typeof state) {
      calls.push(`stroke ${this.strokeStyle} ${this.globalAlpha} ${this.lineWidth} [${this.dash}]`);
    },
    fillText(this: typeof state, text: string, x: number, y: number) {
      calls.push(`fillText ${text} ${x} ${y} ${this.textAlign} ${this.font} ${this.globalAlpha}`);
    },
    strokeText(this: typeof state, text: string, x: number, y: number) {
      calls.push(`strokeText ${text} ${x} ${y} ${this.lineWidth}`);
    },
    setLineDash(this: typeof state, d: number[]) {
      this.dash = d;
    },
    // 6 units a character
    measureText: (text: string) => ({ width: 6 * text.length }),
    fillRect(this: typeof state, x: number, y: number, w: number, h: number) {
      calls.push(`fillRect ${x} ${y} ${w} ${h.toFixed(3)} ${this.fillStyle}`);
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe('drawMarks', () => {
  const styles = new Map<string, MarkStyle>([
    ['cell', readMarkStyle(computed({ fill: 'red', stroke: 'white', strokeWidth: '1px' }))],
    [
      'value',
      readMarkStyle(
        computed({
          fill: 'black',
          stroke: 'white',
          strokeWidth: '3px',
          paintOrder: 'stroke',
          fontSize: '12px',
        }),
      ),
    ],
    ['point', readMarkStyle(computed({ fill: 'teal', r: '6px' }))],
  ]);

  it('fills before it strokes, and a mark’s own fill opacity wins over its style’s', () => {
    const { ctx, calls } = recorder();
    const marks: Mark[] = [
      { type: 'rect', style: 'cell', x: 1, y: 2, width: 3, height: 4, fillOpacity: 0.25 },
    ];
    drawMarks(ctx, marks, styles);
    expect(calls).toEqual(['beginPath', 'rect 1 2 3 4', 'fill red 0.25', 'stroke white 1 1 []']);
  });

  it('text with a halo is stroked first, shifted by dy ems, in its own size', () => {
    const { ctx, calls } = recorder();
    drawMarks(
      ctx,
      [
        {
          type: 'text',
          style: 'value',
          x: 10,
          y: 20,
          dy: 0.5,
          size: 10,
          anchor: 'middle',
          text: '0.25',
        },
      ],
      styles,
    );
    expect(calls).toEqual([
      'strokeText 0.25 10 25 3',
      'fillText 0.25 10 25 center 400 10px system-ui, sans-serif 1',
    ]);
  });

  it('underlined text gets a bar in its fill under the measured text, placed by its anchor', () => {
    const under = new Map<string, MarkStyle>([
      ['label', readMarkStyle(computed({ fill: 'green', textDecorationLine: 'underline' }))],
    ]);
    for (const [anchor, x0] of [
      ['start', 30],
      ['middle', 30 - 12],
      ['end', 30 - 24],
    ] as const) {
      const { ctx, calls } = recorder();
      // 4 characters: 24 units wide; 15 units type: 1.5 below the baseline, 1 thick
      drawMarks(
        ctx,
        [{ type: 'text', style: 'label', x: 30, y: 40, size: 15, anchor, text: 'v(a)' }],
        under,
      );
      expect(calls[1]).toBe(`fillRect ${x0} 41.5 24 1.000 green`);
    }
  });

  it('a circle takes the radius its CSS sets; an unknown style draws nothing', () => {
    const { ctx, calls } = recorder();
    drawMarks(
      ctx,
      [
        { type: 'circle', style: 'point', cx: 5, cy: 6, r: 4 },
        { type: 'rect', style: 'nothing', x: 0, y: 0, width: 1, height: 1 },
      ],
      styles,
    );
    expect(calls).toEqual(['beginPath', 'arc 5 6 6', 'fill teal 1', 'beginPath', 'rect 0 0 1 1']);
  });
});

describe('sameMarks', () => {
  const num = fc.double({ min: -1e3, max: 1e3, noNaN: true });
  const mark: fc.Arbitrary<Mark> = fc.oneof(
    fc.record({
      type: fc.constant('rect' as const),
      style: fc.constantFrom('cell', 'bar'),
      x: num,
      y: num,
      width: num,
      height: num,
    }),
    fc.record({ type: fc.constant('path' as const), style: fc.constant('arrow'), d: fc.string() }),
    fc.record({
      type: fc.constant('circle' as const),
      style: fc.constant('point'),
      cx: num,
      cy: num,
      r: num,
    }),
    fc.record(
      {
        type: fc.constant('text' as const),
        style: fc.constant('label'),
        x: num,
        y: num,
        text: fc.string(),
        anchor: fc.constantFrom('start' as const, 'middle' as const, 'end' as const),
      },
      { requiredKeys: ['type', 'style', 'x', 'y', 'text'] },
    ),
  );

  it('a copy draws the same; any one field changed, a mark added or dropped does not (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(mark, { minLength: 1, maxLength: 12 }), fc.nat(), (marks, pick) => {
        expect(sameMarks(marks, structuredClone(marks))).toBe(true);
        const i = pick % marks.length;
        const changed = structuredClone(marks) as unknown as Record<string, unknown>[];
        const field = Object.keys(changed[i]).filter((k) => k !== 'type')[
          pick % (Object.keys(changed[i]).length - 1)
        ];
        const v = changed[i][field];
        changed[i][field] = typeof v === 'number' ? v + 1 : `${String(v)}′`;
        expect(sameMarks(marks, changed as unknown as Mark[])).toBe(false);
        expect(sameMarks(marks, marks.slice(1))).toBe(false);
        expect(sameMarks(marks, [...marks, marks[0]])).toBe(false);
        // an optional field present on one side only
        const extra = structuredClone(marks) as unknown as Record<string, unknown>[];
        extra[i].extra = 1;
        expect(sameMarks(marks, extra as unknown as Mark[])).toBe(false);
      }),
    );
  });
});

describe('drawMarks on a scaled canvas', () => {
  /** Records the rectangles drawn, in device pixels, under a scale and an offset. */
  function scaled(a: number, e: number, d: number, f: number) {
    const rects: [number, number, number, number][] = [];
    const ctx = {
      globalAlpha: 1,
      fillStyle: '',
      getTransform: () => ({ a, b: 0, c: 0, d, e, f }),
      beginPath() {},
      rect: (x: number, y: number, w: number, h: number) =>
        rects.push([a * x + e, d * y + f, a * (x + w) + e, d * (y + h) + f]),
      fill() {},
      stroke() {},
      setLineDash() {},
    };
    return { ctx: ctx as unknown as CanvasRenderingContext2D, rects };
  }
  const cell = new Map<string, MarkStyle>([['cell', readMarkStyle(computed({ fill: 'red' }))]]);
  const near = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;

  it('cells on fractional edges tile whole device pixels, sharing every edge (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.array(fc.double({ min: 0.7, max: 9, noNaN: true }), { minLength: 2, maxLength: 12 }),
        (scale, offset, widths) => {
          const { ctx, rects } = scaled(scale, offset, scale, offset / 2);
          let x = 0.37;
          const marks: Mark[] = widths.map((w) => {
            const m: Mark = { type: 'rect', style: 'cell', x, y: 1.3, width: w, height: 2.9 };
            x += w;
            return m;
          });
          drawMarks(ctx, marks, cell);
          expect(rects).toHaveLength(widths.length);
          for (const [x0, y0, x1, y1] of rects) {
            if (x1 - x0 < 1 - 1e-9) continue; // thinner than a pixel: kept as it is
            expect([x0, y0, x1, y1].every(near)).toBe(true);
          }
          for (let i = 1; i < rects.length; i++) {
            const [, , prevRight] = rects[i - 1];
            const [left] = rects[i];
            if (near(prevRight) && near(left)) expect(left).toBeCloseTo(prevRight, 9);
          }
        },
      ),
    );
  });

  it('a stroked rectangle is not moved (its outline would shift off its place)', () => {
    const { ctx, rects } = scaled(2.5, 0.3, 2.5, 0.3);
    const styles = new Map<string, MarkStyle>([
      ['box', readMarkStyle(computed({ fill: 'red', stroke: 'black', strokeWidth: '1px' }))],
    ]);
    drawMarks(ctx, [{ type: 'rect', style: 'box', x: 1.1, y: 1.1, width: 2, height: 2 }], styles);
    expect(rects[0][0]).toBeCloseTo(2.5 * 1.1 + 0.3, 9);
  });
});

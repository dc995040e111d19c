import { render } from '@testing-library/react';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { makeFrame, useFrame, type Frame } from '../../src/plots/frame';
import { DEFAULT_MARGIN, PlotFrame } from '../../src/plots/PlotFrame';
import { expectClose } from '../helpers/asserts';

function Probe({ onFrame }: { onFrame: (f: Frame) => void }) {
  onFrame(useFrame());
  return null;
}

function frameOf(props: Partial<Parameters<typeof PlotFrame>[0]>): Frame {
  let got: Frame | null = null;
  render(
    <PlotFrame width={400} height={300} {...props}>
      <Probe onFrame={(f) => (got = f)} />
    </PlotFrame>,
  );
  if (!got) throw new Error('no frame');
  return got;
}

describe('PlotFrame frame context', () => {
  it('useFrame() gives scales from domains over the inner size, y up', () => {
    const f = frameOf({ x: { domain: [-2, 2] }, y: { domain: [0, 10] } });
    const innerWidth = 400 - DEFAULT_MARGIN.left - DEFAULT_MARGIN.right;
    const innerHeight = 300 - DEFAULT_MARGIN.top - DEFAULT_MARGIN.bottom;
    expect(f.innerWidth).toBe(innerWidth);
    expect(f.innerHeight).toBe(innerHeight);
    expect(f.margin).toEqual(DEFAULT_MARGIN);
    expect(f.x(-2)).toBe(0);
    expect(f.x(2)).toBe(innerWidth);
    expect(f.y(0)).toBe(innerHeight);
    expect(f.y(10)).toBe(0);
    expect(f.hasScales).toBe(true);
  });

  it('a log spec gives a log scale', () => {
    const f = frameOf({ x: { domain: [1, 1000], scale: 'log' } });
    expect(f.xKind).toBe('log');
    expectClose(f.x(10), f.innerWidth / 3);
  });

  it('a d3 scale is copied with the frame range, the original untouched', () => {
    const s = scaleLinear().domain([0, 1]).range([5, 6]);
    const f = frameOf({ x: s });
    expect(f.x(1)).toBe(f.innerWidth);
    expect(s.range()).toEqual([5, 6]);
  });

  it('without x and y, data coordinates are the inner pixels', () => {
    const f = makeFrame(200, 100, { top: 10, right: 10, bottom: 10, left: 10 });
    expect(f.x(37)).toBe(37);
    expect(f.y(20)).toBe(20);
    expect(f.hasScales).toBe(false);
  });

  it('keeps its old output: an aria-hidden SVG with the viewBox and translated group', () => {
    const { container } = render(
      <PlotFrame width={300} height={200}>
        <circle r={2} />
      </PlotFrame>,
    );
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 300 200');
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelector('g')!.getAttribute('transform')).toBe(
      `translate(${DEFAULT_MARGIN.left},${DEFAULT_MARGIN.top})`,
    );
  });

  it('an interactive frame leaves the SVG in the accessibility tree', () => {
    const { container } = render(
      <PlotFrame interactive>
        <circle r={2} />
      </PlotFrame>,
    );
    expect(container.querySelector('svg')!.hasAttribute('aria-hidden')).toBe(false);
  });

  it('useFrame() outside a frame throws a clear error', () => {
    expect(() => render(<Probe onFrame={() => {}} />)).toThrow(/inside a <PlotFrame>/);
  });
});

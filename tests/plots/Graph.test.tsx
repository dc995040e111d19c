import { fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { PlotFrame } from '../../src/plots/PlotFrame';
import { Graph, layeredLayout, type GraphEdge, type GraphNode } from '../../src/plots/Graph';

/** A fully connected network with these layer sizes, random weights from `weights`. */
function network(sizes: readonly number[], weights: readonly number[] = []) {
  const nodes: GraphNode[] = sizes.flatMap((n, l) =>
    Array.from({ length: n }, (_, i) => ({ id: `${l}.${i}`, layer: l * 10 - 3, label: `${i}` })),
  );
  const edges: GraphEdge[] = [];
  let k = 0;
  for (let l = 1; l < sizes.length; l++)
    for (let i = 0; i < sizes[l - 1]; i++)
      for (let j = 0; j < sizes[l]; j++)
        edges.push({
          from: `${l - 1}.${i}`,
          to: `${l}.${j}`,
          weight: weights[k++ % Math.max(1, weights.length)],
        });
  return { nodes, edges };
}

describe('layeredLayout', () => {
  it('keeps every node inside the frame, orders layers left to right and leaves circles apart (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 40, max: 900 }),
        fc.integer({ min: 40, max: 600 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (sizes, width, height, weights) => {
          const { nodes, edges } = network(sizes, weights);
          const shuffled = [...nodes].reverse(); // the input order of layers does not matter
          const out = layeredLayout(shuffled, edges, { width, height });
          expect(out.nodes).toHaveLength(nodes.length);
          for (const n of out.nodes) {
            expect(n.x - n.r).toBeGreaterThanOrEqual(-1e-9);
            expect(n.x + n.r).toBeLessThanOrEqual(width + 1e-9);
            expect(n.y - n.r).toBeGreaterThanOrEqual(-1e-9);
            expect(n.y + n.r).toBeLessThanOrEqual(height + 1e-9);
          }
          // a lower layer value is always further left; a layer shares one x
          for (const a of out.nodes)
            for (const b of out.nodes) {
              if (a.layer < b.layer) expect(a.x).toBeLessThan(b.x);
              if (a.layer === b.layer) expect(a.x).toBe(b.x);
              if (a !== b && a.layer === b.layer)
                expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(2 * a.r - 1e-9);
            }
          expect(out.edges).toHaveLength(edges.length);
          for (const e of out.edges) expect(e.d).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('edge widths grow with |weight| and the sign picks the colour', () => {
    const { nodes, edges } = network([1, 3], [0.5, -2, 0]);
    const out = layeredLayout(nodes, edges, { width: 300, height: 200, widthRange: [1, 5] });
    expect(out.edges.map((e) => e.width)).toEqual([2, 5, 1]);
    expect(out.edges.map((e) => e.style)).toEqual([
      'graph-edge-positive',
      'graph-edge-negative',
      'graph-edge',
    ]);
  });

  it("a layer's nodes keep their order top to bottom, centred; an edge to an unknown node is left out", () => {
    const nodes: GraphNode[] = [
      { id: 'a', layer: 0 },
      { id: 'b', layer: 0 },
      { id: 'c', layer: 1 },
    ];
    const out = layeredLayout(
      nodes,
      [
        { from: 'a', to: 'c' },
        { from: 'a', to: 'zzz' },
      ],
      {
        width: 200,
        height: 200,
      },
    );
    const [a, b, c] = out.nodes;
    expect(a.y).toBeLessThan(b.y);
    expect((a.y + b.y) / 2).toBeCloseTo(100, 9);
    expect(c.y).toBeCloseTo(100, 9);
    expect(out.edges).toHaveLength(1);
  });
});

describe('Graph', () => {
  const nodes: GraphNode[] = [
    { id: 'x', layer: 0, label: 'x', valueText: '2.0' },
    { id: 'w', layer: 0, label: 'w', valueText: '−1.5' },
    { id: 'mul', layer: 1, label: '×', valueText: '−3.0', name: 'product x·w = −3.0' },
    { id: 'y', layer: 2, label: 'σ' },
  ];
  const edges: GraphEdge[] = [
    { from: 'x', to: 'mul', weight: 1, valueText: '∂=−1.5' },
    { from: 'w', to: 'mul', weight: -1 },
    { from: 'mul', to: 'y' },
  ];

  it('draws a circle and label per node, a path per edge, value texts on nodes and edges', () => {
    const { container } = render(
      <PlotFrame width={400} height={240}>
        <Graph nodes={nodes} edges={edges} curve="curve" />
      </PlotFrame>,
    );
    expect(container.querySelectorAll('circle.kd-graph-node')).toHaveLength(4);
    expect(container.querySelectorAll('path.kd-graph-edge')).toHaveLength(3);
    expect(container.querySelector('path.kd-positive')).not.toBeNull();
    expect(container.querySelector('path.kd-negative')).not.toBeNull();
    const texts = [...container.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['x', '×', 'σ', '2.0', '−3.0', '∂=−1.5']));
    // not interactive: nothing focusable, nothing named
    expect(container.querySelector('[tabindex]')).toBeNull();
  });

  it('highlights a node with its edges and neighbours; the rest fade', () => {
    const { container } = render(
      <PlotFrame width={400} height={240}>
        <Graph nodes={nodes} edges={edges} highlight="x" />
      </PlotFrame>,
    );
    expect(container.querySelector('.kd-graph.has-highlight')).not.toBeNull();
    const lit = [...container.querySelectorAll('.kd-graph-node-group.is-highlighted')].map((g) =>
      g.getAttribute('data-id'),
    );
    expect(lit.sort()).toEqual(['mul', 'x']);
    expect(container.querySelectorAll('.kd-graph-edge-group.is-highlighted')).toHaveLength(1);
  });

  it('interactive: nodes are focusable, named, and report hover and focus', () => {
    const onHighlight = vi.fn();
    render(
      <PlotFrame width={400} height={240} interactive>
        <Graph nodes={nodes} edges={edges} interactive onHighlight={onHighlight} />
      </PlotFrame>,
    );
    const product = screen.getByRole('graphics-symbol', { name: 'product x·w = −3.0' });
    expect(screen.getByRole('graphics-symbol', { name: 'x: 2.0' })).toHaveAttribute(
      'tabindex',
      '0',
    );
    expect(screen.getByRole('graphics-symbol', { name: 'σ' })).toBeInTheDocument();
    fireEvent.focus(product);
    expect(onHighlight).toHaveBeenLastCalledWith('mul');
    fireEvent.blur(product);
    expect(onHighlight).toHaveBeenLastCalledWith(null);
    fireEvent.mouseEnter(screen.getByRole('graphics-symbol', { name: 'x: 2.0' }));
    expect(onHighlight).toHaveBeenLastCalledWith('x');
  });
});

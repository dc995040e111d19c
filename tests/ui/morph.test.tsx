import { render } from '@testing-library/react';
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import { morphInnerHTML } from '../../src/ui/tex/morph';
import { renderTex } from '../../src/ui/tex/renderTex';
import { sym } from '../../src/ui/tex/sym';
import { Tex } from '../../src/ui/tex/Tex';

/** A worked-example-like formula: its structure depends on the signs, its digits on the values. */
function worked(a: number, b: number): string {
  return `${sym(1, 'x')} = ${a.toFixed(2)},\\quad \\sigma(x) = \\frac{1}{1 + e^{${(-a).toFixed(2)}}} = ${b.toFixed(3)}${b < 0 ? '\\;(\\text{neg})' : ''}`;
}

function fresh(html: string): string {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el.innerHTML;
}

const value = fc.double({ min: -1000, max: 1000, noNaN: true });

describe('morphInnerHTML(target, html)', () => {
  it('leaves the same markup as a fresh innerHTML, whatever the old content was', () => {
    fc.assert(
      fc.property(value, value, value, value, (a, b, c, d) => {
        const el = document.createElement('div');
        el.innerHTML = renderTex(worked(a, b), true);
        const next = renderTex(worked(c, d), true);
        morphInnerHTML(el, next);
        expect(el.innerHTML).toBe(fresh(next));
      }),
      { numRuns: 60 },
    );
  });

  it('handles unrelated markup: extra and missing children, other tags, namespaces', () => {
    const cases = [
      ['<p>a</p><p>b</p>', '<p>a</p>'],
      ['<span>x</span>', '<em title="t">x</em><svg viewBox="0 0 2 2"><path d="M0 0"></path></svg>'],
      ['<svg viewBox="0 0 1 1"><path d="M0 0"></path></svg>', '<svg><path d="M1 1"></path></svg>'],
      ['<span class="a" style="color:red">1</span>', '<span data-x="1">2</span>'],
      ['text', ''],
    ];
    for (const [from, to] of cases) {
      const el = document.createElement('div');
      el.innerHTML = from;
      morphInnerHTML(el, to);
      expect(el.innerHTML).toBe(fresh(to));
    }
  });

  it('keeps the nodes when only the numbers change (no subtree is replaced)', () => {
    const el = document.createElement('div');
    el.innerHTML = renderTex(worked(0.5, 0.622), true);
    const before = Array.from(el.querySelectorAll('*'));
    morphInnerHTML(el, renderTex(worked(0.75, 0.679), true));
    const after = Array.from(el.querySelectorAll('*'));
    expect(after.length).toBe(before.length);
    after.forEach((node, i) => expect(node).toBe(before[i]));
    expect(el.textContent).toContain('0.679');
    expect(el.textContent).not.toContain('0.622');
  });
});

describe('Tex', () => {
  it('updates a changed formula in place, matching a fresh render', () => {
    const { container, rerender } = render(<Tex tex={worked(1, 0.731)} display />);
    const root = container.querySelector('.katex');
    rerender(<Tex tex={worked(2, 0.881)} display />);
    expect(container.querySelector('.katex')).toBe(root);
    expect(container.firstElementChild!.innerHTML).toBe(fresh(renderTex(worked(2, 0.881), true)));
    rerender(<Tex tex={worked(-3, -0.5)} display />);
    expect(container.firstElementChild!.innerHTML).toBe(fresh(renderTex(worked(-3, -0.5), true)));
  });
});

describe('renderTex cache', () => {
  it('renders a formula seen recently once, and display and inline apart', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    const tex = worked(0.123, 0.531);
    const first = renderTex(tex, true);
    expect(renderTex(tex, true)).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(renderTex(tex, false)).not.toBe(first);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});

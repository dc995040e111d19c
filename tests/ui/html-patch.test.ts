import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/formulas/registry';
import type { Param } from '../../src/ui/card/types';
import { applyHtmlPatch, htmlPatch, patchNodes } from '../../src/ui/tex/htmlPatch';
import { loadKatex } from '../../src/ui/tex/katexLoader';
import { renderTex } from '../../src/ui/tex/renderTex';
import { sym } from '../../src/ui/tex/sym';
import { withDefaults } from '../helpers/formula';

/** What the browser's own parser makes of `html`: the reference a patch must reach. */
function fresh(html: string): string {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el.innerHTML;
}

/** `prev` parsed, then patched to `next`; the markup it ends with and whether it was patched. */
function patched(prev: string, next: string): { html: string; kept: boolean | null } {
  const el = document.createElement('div');
  el.innerHTML = prev;
  const patch = htmlPatch(prev, next);
  expect(patch, 'KaTeX output is markup the patch reads').not.toBeNull();
  const done = applyHtmlPatch(el, patchNodes(el), patch!);
  return { html: el.innerHTML, kept: done && done.kept };
}

/** A worked-example-like formula: structure from the signs and sizes, digits from the values. */
function worked(a: number, b: number): string {
  const sci = Math.abs(b) < 1e-3 && b !== 0;
  const bTex = sci
    ? `${(b / 10 ** Math.floor(Math.log10(Math.abs(b)))).toFixed(2)}\\times 10^{${Math.floor(Math.log10(Math.abs(b)))}}`
    : b.toFixed(3);
  return `\\begin{aligned} ${sym(1, 'x')} &= ${a.toFixed(2)} \\\\ \\sigma(x) &= \\frac{1}{1 + e^{${(-a).toFixed(2)}}} = ${bTex}${b < 0 ? '\\;(\\text{neg})' : ''} \\\\ \\sqrt{${Math.abs(a).toFixed(1)}} &= ${Math.sqrt(Math.abs(a)).toFixed(2)} \\end{aligned}`;
}

const value = fc.oneof(
  fc.double({ min: -1000, max: 1000, noNaN: true }),
  fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
);

beforeAll(() => loadKatex());

describe('htmlPatch(prev, next) applied by applyHtmlPatch', () => {
  it('leaves what the parser makes of `next`, whatever the two formulas are', () => {
    fc.assert(
      fc.property(value, value, value, value, fc.boolean(), (a, b, c, d, display) => {
        const prev = renderTex(worked(a, b), display);
        const next = renderTex(worked(c, d), display);
        expect(patched(prev, next).html).toBe(fresh(next));
      }),
      { numRuns: 80 },
    );
  });

  it('writes only texts and attributes when the structure is the same', () => {
    const prev = renderTex(worked(1.25, 0.5), true);
    const next = renderTex(worked(3.5, 0.75), true);
    const patch = htmlPatch(prev, next)!;
    expect(patch.ops.length).toBeGreaterThan(0);
    expect(patch.ops.every((op) => op[0] === 'text' || op[0] === 'attrs')).toBe(true);
    expect(patch.ops.some((op) => op[0] === 'text' && op[2] === '3.50')).toBe(true);
    expect(patched(prev, next)).toEqual({ html: fresh(next), kept: true });
  });

  it('writes anew only the part whose structure changed (a sign), in its namespace', () => {
    const prev = renderTex(worked(1.25, 0.5), true);
    const next = renderTex(worked(1.25, -0.5), true);
    const patch = htmlPatch(prev, next)!;
    const written = patch.ops.filter((op) => op[0] === 'replace' || op[0] === 'splice');
    expect(written.length).toBeGreaterThan(0);
    // far less than the whole formula is parsed again
    const size = written.reduce((n, op) => n + (op[0] === 'splice' ? op[4] : op[2]).length, 0);
    expect(size).toBeLessThan(next.length / 10);
    const result = patched(prev, next);
    expect(result).toEqual({ html: fresh(next), kept: false });
    const el = document.createElement('div');
    el.innerHTML = result.html;
    for (const mi of el.querySelectorAll('mi, mn, mo')) {
      expect(mi.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    }
  });

  it('handles any markup of the kinds KaTeX writes: namespaces, void and self-closed tags, entities', () => {
    const cases: [string, string][] = [
      ['<p>a</p><p>b</p>', '<p>a</p>'],
      [
        '<span>x</span>',
        '<em title="t &amp; u">x</em><svg viewBox="0 0 2 2"><path d=\'M0 0\'/></svg>',
      ],
      ['<math><mi>x</mi></math>', '<math><mrow><mi>y</mi><mo>&lt;</mo></mrow></math>'],
      ['a<br>b', 'a<br>c&#x27;&#39;&nbsp;'],
      ['<span class="a" style="color:red">1</span>', '<span style="color:blue">1</span>'],
      ['', '<b>new</b>'],
      ['<b>old</b>', ''],
    ];
    for (const [prev, next] of cases) expect(patched(prev, next).html).toBe(fresh(next));
  });

  it('gives up (null) on markup it does not read exactly', () => {
    expect(htmlPatch('<span>a</span>', '<!-- c --><span>a</span>')).toBeNull();
    expect(htmlPatch('<span>a</span>', '<span>&copy;</span>')).toBeNull();
    expect(htmlPatch('<span>a</span>', '<span>a</b>')).toBeNull();
    expect(htmlPatch('<span>a', '<span>b</span>')).toBeNull();
  });

  it('writes nothing where the page does not show the old HTML', () => {
    const patch = htmlPatch('<span>1</span><span>2</span>', '<span>3</span><span>4</span>')!;
    const el = document.createElement('div');
    el.innerHTML = '<span>1</span><em>2</em>';
    const before = el.innerHTML;
    // same count, but the second text sits in another element: the texts are still texts
    el.innerHTML = '<span>1</span>';
    expect(applyHtmlPatch(el, patchNodes(el), patch)).toBeNull();
    expect(el.innerHTML).toBe('<span>1</span>');
    el.innerHTML = before;
    const attrPatch = htmlPatch('<span a="1">x</span>', '<span a="2">x</span>')!;
    const other = document.createElement('div');
    other.innerHTML = '<em a="1">x</em>';
    expect(applyHtmlPatch(other, patchNodes(other), attrPatch)).toBeNull();
    expect(other.innerHTML).toBe('<em a="1">x</em>');
  });

  it("patches every page's worked example from its defaults to other values", async () => {
    for (const entry of REGISTRY.filter((e) => e.load)) {
      const def = (await entry.load!()).default;
      const base = withDefaults(def);
      const texAt = (values: typeof base) => {
        try {
          return def.worked(values, def.compute(values), 'en');
        } catch {
          return null;
        }
      };
      const first = texAt(base);
      if (first === null) continue;
      for (const p of def.params as Param[]) {
        if (p.kind !== 'scalar' && p.kind !== 'vector') continue;
        for (const k of [0, 0.3, 1]) {
          const x = p.min + (p.max - p.min) * k;
          const v =
            p.kind === 'scalar' ? x : (base[p.name] as number[]).map((y, i) => (i === 0 ? x : y));
          const tex = texAt({ ...base, [p.name]: v });
          if (tex === null) continue;
          const next = renderTex(tex, true);
          expect(patched(renderTex(first, true), next).html, `${entry.id} ${p.name}`).toBe(
            fresh(next),
          );
        }
      }
    }
  }, 60_000);
});

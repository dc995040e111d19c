import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import katex from 'katex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtEntries } from '../../src/formulas/registry';
import { Card } from '../../src/ui/card/Card';
import {
  cardLatex,
  embedUrl,
  iframeSnippet,
  linkUrl,
  plainTex,
  plotSvg,
  tableCsv,
} from '../../src/ui/card/exportCard';
import type { FormulaDef } from '../../src/ui/card/types';
import { defaultValues } from '../../src/ui/card/values';
import { en } from '../../src/ui/i18n/en';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { sym } from '../../src/ui/tex/sym';
import { makeFakeDef } from './fakeDef';
import { renderWithI18n } from './renderWithI18n';

/** Parses CSV as RFC 4180 says (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('tableCsv', () => {
  it('writes the columns, then each row; numbers in full precision; text quoted where it must be', () => {
    const csv = tableCsv({
      caption: 'c',
      columns: ['token', 'p, %', 'say "hi"'],
      rows: [
        ['the', 0.1 + 0.2, 'a\nb'],
        [' x', NaN, Infinity],
        ['−1', -0, -Infinity],
      ],
    });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['token', 'p, %', 'say "hi"'],
      ['the', '0.30000000000000004', 'a\nb'],
      [' x', '', 'inf'],
      ['−1', '0', '-inf'],
    ]);
  });

  it("every built page's table becomes CSV with one line per row and the table's numbers", async () => {
    for (const entry of builtEntries()) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const def: FormulaDef<any> = (await entry.load!()).default;
      const values = defaultValues(def.params);
      const table = def.table(values, def.compute(values), 'en');
      const rows = parseCsv(tableCsv(table));
      expect(rows[0], entry.id).toEqual(table.columns);
      expect(rows.length, entry.id).toBe(table.rows.length + 1);
      table.rows.forEach((r, i) =>
        r.forEach((v, j) => {
          if (typeof v === 'number' && Number.isFinite(v))
            expect(Number(rows[i + 1][j]), `${entry.id} ${i},${j}`).toBe(v);
        }),
      );
    }
  });
});

describe('LaTeX', () => {
  it("plainTex drops sym()'s colour placeholders and keeps each symbol as a group", () => {
    expect(plainTex(`${sym(1, 'z_i')} + ${sym(8, '\\frac{a}{b}')}`)).toBe('{z_i} + {\\frac{a}{b}}');
  });

  it("every built page's formula and worked example export as LaTeX that KaTeX's strict mode reads, with no colours", async () => {
    for (const entry of builtEntries()) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const def: FormulaDef<any> = (await entry.load!()).default;
      const values = defaultValues(def.params);
      const result = def.compute(values);
      const tex = cardLatex(def, values, result, 'zh-TW', {
        worked: '計算範例',
        link: 'https://example.org/x',
      });
      expect(tex, entry.id).not.toContain('textcolor');
      const blocks = [...tex.matchAll(/\\\[\n([\s\S]*?)\n\\\]/g)].map((m) => m[1]);
      expect(blocks, entry.id).toEqual([
        plainTex(def.tex),
        plainTex(def.worked(values, result, 'zh-TW')),
      ]);
      for (const b of blocks)
        expect(() =>
          katex.renderToString(b, { throwOnError: true, strict: 'error', displayMode: true }),
        ).not.toThrow();
    }
  });
});

describe('links', () => {
  const href = 'https://example.org/llm/softmax?T=0.7&z=2,1,0.1&lang=zh-TW&present=1#x';
  it('the link keeps the values and the language, not presentation or embed mode', () => {
    expect(linkUrl(href)).toBe('https://example.org/llm/softmax?T=0.7&z=2,1,0.1&lang=zh-TW');
    expect(linkUrl(embedUrl(href))).toBe(linkUrl(href));
  });

  it('a view played from a lesson is shared as itself, not as the whole lesson', () => {
    const inLesson = 'https://example.org/softmax?T=2&lesson=1.abc&view=3&present=1&lang=en';
    expect(linkUrl(inLesson)).toBe('https://example.org/softmax?T=2&lang=en');
    expect(embedUrl(inLesson)).toBe('https://example.org/softmax?T=2&lang=en&embed=1');
  });

  it('the embed address adds embed=1 once, and the snippet is an iframe titled for screen readers', () => {
    const e = embedUrl(embedUrl(href));
    expect(new URL(e).searchParams.getAll('embed')).toEqual(['1']);
    expect(new URL(e).searchParams.get('present')).toBeNull();
    const doc = new DOMParser().parseFromString(iframeSnippet(href, 'A "card" <x>'), 'text/html');
    const frame = doc.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe(e);
    expect(frame.getAttribute('title')).toBe('A "card" <x>');
    expect(doc.body.children.length).toBe(1);
  });
});

describe('plotSvg', () => {
  afterEach(() => vi.restoreAllMocks());

  it('places each panel where it is on screen, inlines its paint and keeps every mark', () => {
    const host = document.createElement('div');
    host.className = 'card';
    host.innerHTML =
      '<div class="plot-image"><svg viewBox="0 0 200 100"><g class="kit-legend">' +
      '<rect class="a" width="5" height="5" style="fill: rgb(1, 2, 3)"></rect><text>legend</text></g>' +
      '<path d="M0 0L10 10" style="stroke: rgb(4, 5, 6)"></path><circle r="3"></circle>' +
      '<g style="display: none"><rect></rect></g></svg>' +
      '<svg width="0" height="0"><pattern id="p"></pattern></svg></div>';
    document.body.appendChild(host);
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const w = this.getAttribute('width') === '0' ? 0 : 200;
      const h = this.getAttribute('width') === '0' ? 0 : 100;
      return { left: 10, top: 20, width: w, height: h, right: 10 + w, bottom: 20 + h } as DOMRect;
    });
    const svg = plotSvg(host.querySelector('.plot-image')!, 'the plot')!;
    host.remove();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toBe('200');
    expect(root.querySelector('title')!.textContent).toBe('the plot');
    const panel = root.querySelector(':scope > svg')!;
    expect(panel.getAttribute('viewBox')).toBe('0 0 200 100');
    expect(panel.getAttribute('x')).toBe('0');
    expect(panel.querySelectorAll('path, circle, text').length).toBe(3);
    expect(panel.querySelector('text')!.textContent).toBe('legend');
    // the hidden group is left out; paint is inline, classes gone
    expect(panel.querySelectorAll('rect').length).toBe(1);
    expect(panel.querySelector('rect')!.getAttribute('style')).toContain('fill:rgb(1, 2, 3)');
    expect(panel.querySelector('path')!.getAttribute('style')).toContain('stroke:rgb(4, 5, 6)');
    expect(panel.querySelector('[class]')).toBeNull();
    // shared definitions travel in <defs>
    expect(root.querySelector('defs > pattern#p')).not.toBeNull();
  });

  it('gives null when nothing is drawn', () => {
    const el = document.createElement('div');
    expect(plotSvg(el, 'x')).toBeNull();
  });
});

describe('the Export panel of a card', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['en', en],
    ['zh-TW', zhTW],
  ] as const)('(%s) opens, saves the CSV and LaTeX, shows the embed snippet', async (lang, s) => {
    const saved: { name: string; blob: Blob }[] = [];
    let last: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      last = b as Blob;
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, blob: last! });
    });
    const user = userEvent.setup();
    renderWithI18n(<Card def={makeFakeDef()} />, lang);
    const summary = screen.getByText(s.exportCard.heading);
    expect(screen.queryByRole('button', { name: s.exportCard.csv })).toBeNull();
    // (jsdom does not open a <details> from the keyboard; the browser test does)
    await user.click(summary);
    await user.click(screen.getByRole('button', { name: s.exportCard.csv }));
    expect(saved.at(-1)!.name).toBe('fake.csv');
    const csv = (await saved.at(-1)!.blob.text()).replace(/^\ufeff/, '');
    expect(parseCsv(csv).length).toBeGreaterThan(1);
    expect(screen.getByText(s.exportCard.saved.replace('{{file}}', 'fake.csv'))).toBeVisible();

    await user.click(screen.getByRole('button', { name: s.exportCard.latex }));
    expect(saved.at(-1)!.name).toBe('fake.tex');
    const tex = screen.getByRole('textbox', { name: s.exportCard.latexLabel });
    expect((tex as HTMLTextAreaElement).value).toContain('\\frac{{a} \\sum_i {v_i}}{{T}}');

    const snippet = screen.getByRole('textbox', { name: s.exportCard.embedLabel });
    expect((snippet as HTMLTextAreaElement).value).toMatch(/^<iframe src="[^"]*embed=1"/);
  });
});

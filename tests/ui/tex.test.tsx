import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RichText } from '../../src/ui/tex/RichText';
import { renderTex, themeSymbolColors } from '../../src/ui/tex/renderTex';
import { splitRichText } from '../../src/ui/tex/richText';
import { sym } from '../../src/ui/tex/sym';
import { Tex } from '../../src/ui/tex/Tex';

describe('themeSymbolColors(html)', () => {
  it('turns placeholder colours into theme variables and marks the symbol', () => {
    const html = '<span class="mord" style="margin-right:0.1em;color:#000003;">T</span>';
    expect(themeSymbolColors(html)).toBe(
      '<span class="mord" data-sym="3" style="margin-right:0.1em;color:var(--sym-3);">T</span>',
    );
  });

  it('leaves other colours and border colours without a data-sym', () => {
    expect(themeSymbolColors('<span style="color:#cc0000;">x</span>')).toBe(
      '<span style="color:#cc0000;">x</span>',
    );
    expect(themeSymbolColors('<span style="border-bottom-color:#000002;">x</span>')).toBe(
      '<span style="border-bottom-color:var(--sym-2);">x</span>',
    );
  });
});

describe('renderTex(tex, display)', () => {
  it('renders sym() symbols with theme colours', () => {
    const html = renderTex(`${sym(1, 'z_i')} + ${sym(2, 'T')}`, false);
    expect(html).toContain('data-sym="1"');
    expect(html).toContain('var(--sym-2)');
    expect(html).not.toMatch(/style="[^"]*#00000\d/);
  });

  it('shows a parse error as the red source instead of throwing', () => {
    const html = renderTex('\\frac{a', true);
    expect(html).toContain('katex-error');
    expect(html).toContain('\\frac{a');
  });

  it('never trusts: \\href and \\htmlClass do not produce links or classes', () => {
    const html = renderTex('\\href{javascript:alert(1)}{x} \\htmlClass{evil}{y}', false);
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('class="evil"');
  });

  it('escapes markup in the source of a failed formula', () => {
    const { container } = render(<Tex tex={'\\frac{<img src=x onerror=alert(1)>'} />);
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('splitRichText and <RichText>', () => {
  it('splits prose into text and $…$ TeX, with \\$ as a literal dollar', () => {
    expect(splitRichText('Costs \\$5 when $x > 0$, else $y$.')).toEqual([
      { kind: 'text', text: 'Costs $5 when ' },
      { kind: 'tex', tex: 'x > 0' },
      { kind: 'text', text: ', else ' },
      { kind: 'tex', tex: 'y' },
      { kind: 'text', text: '.' },
    ]);
    expect(splitRichText('an unmatched $ sign')).toEqual([
      { kind: 'text', text: 'an unmatched $ sign' },
    ]);
  });

  it('makes [words](/page-id) a link to that page, and leaves other brackets as text', () => {
    expect(splitRichText('see [SGD](/sgd), $[a](b)$ and [x](y)')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'SGD', href: '/sgd' },
      { kind: 'text', text: ', ' },
      { kind: 'tex', tex: '[a](b)' },
      { kind: 'text', text: ' and [x](y)' },
    ]);
    const { container } = render(<RichText text={'In [Adam](/adam) it is divided.'} />);
    const link = container.querySelector('a')!;
    expect(link.textContent).toBe('Adam');
    expect(link.getAttribute('href')).toMatch(/\/adam$/);
    expect(container.textContent).toBe('In Adam it is divided.');
  });

  it('renders text as text (no HTML) and TeX with KaTeX', () => {
    const { container } = render(<RichText text={'<b>bold?</b> and $\\sigma(x)$'} />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>bold?</b>');
    expect(container.querySelector('.katex')).not.toBeNull();
  });
});

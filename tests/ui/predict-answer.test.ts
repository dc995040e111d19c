import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultAnswer,
  guessError,
  hideIndex,
  joinWorked,
  parseGuess,
  parseTexNumber,
  splitWorked,
  texToPlain,
  workedBefore,
} from '../../src/ui/card/answer';
import { revealSentence } from '../../src/ui/card/Predict';
import { translate, type MessageKey, type MessageVars } from '../../src/ui/i18n';
import { texSig } from '../../src/formulas/optimization/tex';
import { sym, texNum } from '../../src/ui/tex/sym';
import type { Lang } from '../../src/ui/card/types';

const tr = (lang: Lang) => (key: MessageKey, vars?: MessageVars) => translate(lang, key, vars);

describe('splitWorked: the lines of a worked example', () => {
  it('splits aligned lines at top-level \\\\ only, keeping braces, \\{ and inner environments whole', () => {
    const tex =
      '\\begin{aligned} a &= \\frac{1}{2} \\\\ b &= \\{1, 2\\} \\\\ c &= \\begin{matrix} 1 \\\\ 2 \\end{matrix} \\\\ d &= {x \\\\ y} \\end{aligned}';
    const w = splitWorked(tex);
    expect(w.head).toBe('\\begin{aligned}');
    expect(w.tail).toBe('\\end{aligned}');
    expect(w.lines).toEqual([
      'a &= \\frac{1}{2}',
      'b &= \\{1, 2\\}',
      'c &= \\begin{matrix} 1 \\\\ 2 \\end{matrix}',
      'd &= {x \\\\ y}',
    ]);
    expect(splitWorked(joinWorked(w))).toEqual(w);
  });

  it('keeps an array’s column spec in its head; TeX without an environment is one line', () => {
    const w = splitWorked('\\begin{array}{lrl} & k & L \\\\ \\hline A & 1 & 0.5 \\end{array}');
    expect(w.head).toBe('\\begin{array}{lrl}');
    expect(w.lines).toEqual(['& k & L', '\\hline A & 1 & 0.5']);
    expect(splitWorked('y = 2')).toEqual({ head: '', lines: ['y = 2'], tail: '' });
  });

  it('hides from a line: an index or counted from the end, clamped; nothing left gives null', () => {
    expect(hideIndex(5, undefined)).toBe(4);
    expect(hideIndex(5, -2)).toBe(3);
    expect(hideIndex(5, 1)).toBe(1);
    expect(hideIndex(5, -9)).toBe(0);
    expect(hideIndex(5, 9)).toBe(4);
    const tex = '\\begin{aligned} a &= 1 \\\\ b &= 2 \\\\ c &= 3 \\end{aligned}';
    expect(workedBefore(tex, -1)).toBe('\\begin{aligned} a &= 1 \\\\ b &= 2 \\end{aligned}');
    expect(workedBefore(tex, 1)).toBe('\\begin{aligned} a &= 1 \\end{aligned}');
    expect(workedBefore(tex, 0)).toBeNull();
    expect(workedBefore('y = 2', undefined)).toBeNull();
  });
});

describe('parseTexNumber: a lone number as the pages write it', () => {
  it('reads plain, negative, coloured, scientific, percent, infinite numbers and units', () => {
    expect(parseTexNumber('0.66')).toEqual({ value: 0.66, digits: 2, unit: '' });
    expect(parseTexNumber(' -1.250 ')).toEqual({ value: -1.25, digits: 4, unit: '' });
    expect(parseTexNumber('{-}3')).toMatchObject({ value: -3 });
    expect(parseTexNumber(sym(4, '0.5'))).toMatchObject({ value: 0.5 });
    expect(parseTexNumber('1.2\\times 10^{-3}')!.value).toBeCloseTo(0.0012, 15);
    expect(parseTexNumber('42.5\\%')).toEqual({ value: 42.5, digits: 3, unit: '%' });
    expect(parseTexNumber('1.23\\ \\text{nats}')).toEqual({ value: 1.23, digits: 3, unit: 'nats' });
    expect(parseTexNumber('\\infty')!.value).toBe(Infinity);
    expect(parseTexNumber('-\\infty')!.value).toBe(-Infinity);
  });

  it('refuses what is not one number: vectors, sums, words, products', () => {
    for (const s of [
      '\\left(0.1,\\ 0.2\\right)',
      '(0.12,\\ 0.34)',
      '0.1 + 0.2',
      '\\text{none}',
      '2 \\cdot 3',
      '',
      '\\text{NaN}',
      '0.5 \\approx \\tfrac{1}{2}',
    ])
      expect(parseTexNumber(s), s).toBeNull();
  });

  it('reads back what texNum and texSig write, to their rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e8, max: 1e8, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        (x, d) => {
          const a = parseTexNumber(texNum(x, d))!;
          expect(a).not.toBeNull();
          expect(a.value).toBe(Number(texNum(x, d).replace('\\times 10^{', 'e').replace('}', '')));
          const b = parseTexNumber(texSig(x, d))!;
          expect(Math.abs(b.value - x)).toBeLessThanOrEqual(Math.abs(x) * 10 ** (1 - d) + 1e-300);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('defaultAnswer: the number of the worked example’s last line', () => {
  it('takes the number after the last relation, labelled by its left-hand side', () => {
    const a = defaultAnswer(
      `\\begin{aligned} s &= 1 \\\\ ${sym(3, "\\sigma'")}(0.50) &= 0.62 \\times 0.38 = 0.235 \\end{aligned}`,
    )!;
    expect(a.value).toBe(0.235);
    expect(a.digits).toBe(3);
    expect(a.tex).toBe(`${sym(3, "\\sigma'")}(0.50)`);
    expect(a.label).toBe("σ'(0.50)");
  });

  it('the last clause of a line names its number (after \\quad or a comma)', () => {
    const a = defaultAnswer(
      '\\begin{aligned} x &= 1 \\\\ &= \\frac{1.5}{4} = 0.375, \\qquad \\sqrt{\\mathrm{MSE}} = 0.612 \\end{aligned}',
    )!;
    expect(a.value).toBe(0.612);
    expect(a.label).toBe('√MSE');
    const b = defaultAnswer('\\begin{aligned} H &= 1.2,\\ e^{H} = 3.3 \\end{aligned}')!;
    expect(b).toMatchObject({ value: 3.3, tex: 'e^{H}' });
  });

  it('a number followed by a remark in its own clause still counts: ReLU′ = 1 \\quad (x > 0)', () => {
    const a = defaultAnswer(
      "\\begin{aligned} f(0.50) &= 0.50 \\\\ f'(0.50) &= 1 \\quad (0.50 > 0) \\end{aligned}",
    )!;
    expect(a).toMatchObject({ value: 1, label: "f'(0.50)" });
  });

  it('a `&= …` line takes the left-hand side of the equation it continues', () => {
    const a = defaultAnswer(
      '\\begin{aligned} c_{11} &= a_{11}b_{11} + a_{12}b_{21} \\\\ &= 1\\cdot 2 + 3\\cdot 4 = 14 \\end{aligned}',
    )!;
    expect(a).toMatchObject({ value: 14, label: 'c₁₁', hideFrom: -1 });
  });

  it('a unit or a percent comes along', () => {
    expect(defaultAnswer('H(p) &= 1.58\\ \\text{bits}')).toMatchObject({
      value: 1.58,
      unit: 'bits',
    });
    expect(defaultAnswer('P(D \\mid +) &= 16.1\\%')).toMatchObject({ value: 16.1, unit: '%' });
  });

  it('no single number at the end: null (a vector, words, a table row, no relation)', () => {
    expect(
      defaultAnswer('\\begin{aligned} a &= 1 \\\\ o &= (0.1,\\ 0.2) \\end{aligned}'),
    ).toBeNull();
    expect(defaultAnswer('\\begin{aligned} a &= 1 \\\\ &\\text{fires} \\end{aligned}')).toBeNull();
    expect(defaultAnswer('\\begin{array}{ll} A & 0.5 \\end{array}')).toBeNull();
    expect(defaultAnswer('&= 0.5')).toBeNull(); // nothing names it
  });
});

describe('texToPlain', () => {
  it('writes short TeX labels as text', () => {
    expect(texToPlain(sym(4, 'p_{\\text{mat}}'))).toBe('p_mat');
    expect(texToPlain('w^{(1)}_{12}')).toBe('w⁽¹⁾₁₂');
    expect(texToPlain('\\tfrac{\\partial L}{\\partial b}')).toBe('∂L/∂b');
    expect(texToPlain('\\hat m_{3}')).toBe('m\u0302₃');
    expect(texToPlain('\\lVert a - b\\rVert')).toBe('‖a - b‖');
  });
});

describe('guesses and their error', () => {
  it('parseGuess reads numbers as people type them, and nothing else', () => {
    expect(parseGuess('0.5')).toBe(0.5);
    expect(parseGuess(' −0.25 ')).toBe(-0.25);
    expect(parseGuess('０．７')).toBe(0.7);
    expect(parseGuess('0,5')).toBe(0.5);
    expect(parseGuess('24%')).toBe(24);
    expect(parseGuess('1e-3')).toBe(0.001);
    expect(parseGuess('.5')).toBe(0.5);
    for (const bad of ['', 'abc', '0.5.1', 'NaN', 'Infinity', '1e999', '--1', '1,2,3', '0x10'])
      expect(parseGuess(bad), bad).toBeNull();
  });

  it('guessError: |g − a| and |g − a| / |a|, against independent arithmetic', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (g, a) => {
          const e = guessError(g, a);
          expect(e.absolute).toBe(Math.abs(a - g));
          if (a === 0) expect(e.relative).toBeNull();
          // (a subnormal answer makes the ratio overflow; its product is then no check)
          else if (Math.abs(a) > 1e-300)
            expect(Math.abs(e.relative! * Math.abs(a) - Math.abs(a - g))).toBeLessThanOrEqual(
              1e-12 * Math.abs(a - g),
            );
        },
      ),
    );
    expect(guessError(3, 0)).toEqual({ absolute: 3, relative: null });
    expect(guessError(1, Infinity).relative).toBeNull();
  });

  it('the reveal sentence, in both languages', () => {
    const answer = { label: 'p', value: 0.66, digits: 2 };
    expect(revealSentence(tr('en'), 'en', answer, 0.5)).toBe(
      'Your guess 0.5; the answer 0.66; off by 0.16 (24%).',
    );
    expect(revealSentence(tr('zh-TW'), 'zh-TW', answer, 0.5)).toBe(
      '你的猜測 0.5；答案 0.66；相差 0.16（24%）。',
    );
    expect(revealSentence(tr('en'), 'en', answer, 0.66)).toBe(
      'Your guess 0.66; the answer 0.66: exactly right.',
    );
    expect(revealSentence(tr('en'), 'en', { label: 'x', value: 0 }, -0.25)).toBe(
      'Your guess −0.25; the answer 0; off by 0.25.',
    );
    expect(revealSentence(tr('en'), 'en', { label: 'x', value: 1.5, unit: 'nats' }, null)).toBe(
      'The answer: 1.5 nats.',
    );
    expect(revealSentence(tr('en'), 'en', { label: 'x', value: 16.1, unit: '%' }, 50)).toBe(
      'Your guess 50%; the answer 16.1%; off by 34 percentage points (210%).',
    );
    expect(revealSentence(tr('en'), 'en', { label: 'x', value: Infinity }, 3)).toBe(
      'Your guess 3; the answer is ∞: no finite guess comes close.',
    );
    expect(revealSentence(tr('en'), 'en', null, 3)).toBe(translate('en', 'predict.none'));
  });
});

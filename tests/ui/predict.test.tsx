import { fireEvent, screen, waitFor } from '@testing-library/react';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/formulas/registry';
import { cardAnswer, defaultAnswer, guessError, workedBefore } from '../../src/ui/card/answer';
import { Card } from '../../src/ui/card/Card';
import type { AnyFormulaDef, Lang } from '../../src/ui/card/types';
import { formatNumber } from '../../src/plots/formatNumber';
import { guessRange, guessText, revealSpan } from '../../src/ui/card/guessScale';
import { withDefaults } from '../helpers/formula';
import { renderWithI18n } from './renderWithI18n';

/*
 * Predict, then reveal, on every built page: the answer at the default values is a finite
 * number in both languages; predicting hides the worked example from the answer's line on
 * and covers the plot (out of reach, its data table and export gone); a typed guess that is
 * no number gets a message and no NaN; Enter reveals the answer the page gives for these
 * values, with its error; "Try again" hides it again and "Done" shows the card as before.
 */

const built = REGISTRY.filter((e) => e.load);
const defs = await Promise.all(
  built.map(async (e) => [e.id, (await e.load!()).default] as [string, AnyFormulaDef]),
);

/** The TeX of the worked example on screen (KaTeX keeps its source in an annotation). */
const shownTex = (container: HTMLElement) =>
  [...container.querySelectorAll('.card-worked annotation')]
    .map((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim())
    .join(' | ');
const norm = (tex: string) => tex.replace(/\s+/g, ' ').trim();

describe('every page has a number to predict', () => {
  it('at its default values, in both languages: finite, labelled, its TeX strict', () => {
    const rows: string[] = [];
    for (const [id, def] of defs) {
      const values = withDefaults(def);
      const result = def.compute(values);
      for (const lang of ['en', 'zh-TW'] as Lang[]) {
        const a = cardAnswer(def, values, result, lang);
        expect(a, id).not.toBeNull();
        expect(Number.isFinite(a!.value), `${id}: ${a!.value}`).toBe(true);
        expect(a!.label.trim(), id).not.toBe('');
        expect(a!.label, id).not.toMatch(/NaN|undefined|\\/);
        if (a!.tex)
          expect(() =>
            katex.renderToString(a!.tex!, { throwOnError: true, strict: 'error' }),
          ).not.toThrow();
        if (lang === 'en') {
          const d = defaultAnswer(def.worked(values, result, lang));
          rows.push(
            `${id.padEnd(24)} ${a!.label} = ${a!.value}${def.answer ? '' : ' (default)'}` +
              (def.answer ? `   [default: ${d ? `${d.label} = ${d.value}` : 'none'}]` : ''),
          );
        }
      }
    }
    console.log(`answers at the default values:\n${rows.join('\n')}`);
  });
});

describe('predict, then reveal, on every page', () => {
  for (const [id, def] of defs) {
    it(`${id}: predict hides the answer's line and the plot; reveal shows the truth and the error`, () => {
      const { container } = renderWithI18n(<Card def={def} />);
      const values = withDefaults(def);
      const result = def.compute(values);
      const answer = cardAnswer(def, values, result, 'en')!;
      const full = def.worked(values, result, 'en');
      expect(shownTex(container)).toBe(norm(full));
      expect(container.querySelector('.card-export')).not.toBeNull();
      expect(container.querySelector('.card-code') !== null).toBe(def.code !== undefined);

      // (elements found by class and checked by name: role queries over a whole card are slow)
      const card = container.querySelector<HTMLElement>('.card-math')!;
      const button = (name: string) =>
        [...card.querySelectorAll('button')].find((b) => b.textContent === name)!;
      // the button sits in the worked example's heading row; the bar shows only once predicting
      expect(container.querySelector('.card-predict')).toBeNull();
      expect(button('Predict')).toHaveAccessibleName('Predict');
      expect(button('Predict').closest('.card-worked-head')).not.toBeNull();
      fireEvent.click(button('Predict'));
      const bar = container.querySelector<HTMLElement>('.card-predict')!;
      // the worked example up to the answer's line, then the placeholder
      const before = workedBefore(full, answer.hideFrom);
      expect(shownTex(container)).toBe(before === null ? '' : norm(before));
      expect(container.querySelector('.worked-hidden')).toHaveTextContent('? — make your guess');
      // the plot covered and out of reach, no table, export or code to read the answer from
      const figure = container.querySelector('.card-plot')!;
      expect(figure).toHaveAttribute('data-predict');
      expect(figure.querySelector('.plot-image')).toHaveAttribute('inert');
      expect(figure.querySelector('.plot-cover')).toHaveTextContent('Hidden until you reveal');
      expect(container.querySelector('.data-table, .card-export, .card-code')).toBeNull();
      const input = bar.querySelector<HTMLInputElement>('input.predict-input')!;
      expect(input).toHaveAccessibleName(`Your guess for ${answer.label}`);
      expect(input).toHaveFocus();
      // the controls are still there to set up the question
      expect(container.querySelector('.card-controls input, .card-controls select')).not.toBeNull();

      // the number line on the cover: End marks the top of its span, in the field too
      const span = guessRange(answer);
      const ruler = figure.querySelector<HTMLElement>('.plot-cover [role="slider"]')!;
      expect(ruler).toHaveAccessibleName(`Your guess for ${answer.label}, on a number line`);
      expect(Number(ruler.getAttribute('aria-valuenow'))).toBe((span[0] + span[1]) / 2);
      expect(ruler).toHaveAttribute('aria-valuetext', 'not marked yet');
      fireEvent.keyDown(ruler, { key: 'End' });
      expect(input).toHaveValue(guessText(span[1], span));
      expect(Number(ruler.getAttribute('aria-valuenow'))).toBeCloseTo(span[1], 12);
      // what is typed moves the marker
      fireEvent.change(input, { target: { value: String(span[0]) } });
      expect(Number(ruler.getAttribute('aria-valuenow'))).toBe(span[0]);

      // not a number: a message, still predicting, never NaN
      fireEvent.change(input, { target: { value: 'abc' } });
      fireEvent.submit(input.closest('form')!);
      const status = () => bar.querySelector('[role="status"]')!;
      expect(status()).toHaveTextContent('“abc” is not a number');
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(figure).toHaveAttribute('data-predict');
      expect(container.textContent).not.toMatch(/NaN/);

      // a guess off by a known amount; Enter reveals
      const guess = Number((answer.value + 0.25 * (Math.abs(answer.value) || 1)).toPrecision(3));
      fireEvent.change(input, { target: { value: String(guess) } });
      fireEvent.submit(input.closest('form')!);
      const sentence = status().textContent!;
      const { absolute, relative } = guessError(guess, answer.value);
      const sig = (x: number, digits: number) =>
        formatNumber(x, { digits, notation: 'significant', lang: 'en' });
      expect(sentence).toContain(`Your guess ${sig(guess, 6)}`);
      expect(sentence).toContain(`the answer ${sig(answer.value, answer.digits ?? 3)}`);
      expect(sentence).toContain(`off by ${sig(absolute, 2)}`);
      if (relative !== null) expect(sentence).toContain(`(${sig(relative * 100, 2)}%)`);
      expect(sentence).not.toMatch(/NaN|undefined|Infinity/);
      // the guess and the answer on one number line, wide enough for both
      const shown = revealSpan(span, guess, answer.value);
      const at = (x: number) => `${(((x - shown[0]) / (shown[1] - shown[0])) * 100).toFixed(3)}%`;
      expect(bar.querySelector('.ruler-guess')).toHaveAttribute('x', at(guess));
      expect(bar.querySelector('.ruler-answer')).toHaveAttribute('x', at(answer.value));
      expect(bar.querySelector('.ruler-answer')).toHaveTextContent(
        `answer ${sig(answer.value, answer.digits ?? 3)}`,
      );
      // everything shown again
      expect(shownTex(container)).toBe(norm(full));
      expect(figure).not.toHaveAttribute('data-predict');
      expect(figure.querySelector('.plot-image')).not.toHaveAttribute('inert');

      // try again hides it again, with an empty field; "Show all" shows the card as before
      expect(button('Try again')).toHaveFocus();
      fireEvent.click(button('Try again'));
      expect(figure).toHaveAttribute('data-predict');
      expect(bar.querySelector('input.predict-input')).toHaveValue('');
      fireEvent.click(button('Show all'));
      expect(figure).not.toHaveAttribute('data-predict');
      expect(button('Predict')).toHaveFocus();
      expect(container.querySelector('.card-predict')).toBeNull();
      expect(container.querySelector('.card-export')).not.toBeNull();
      expect(container.querySelector('.card-code') !== null).toBe(def.code !== undefined);
    });
  }
});

describe('predict in zh-TW, and after the values change', () => {
  const softmax = defs.find(([id]) => id === 'softmax')![1];

  it('speaks Chinese: the button, the cover, the field and the sentence', () => {
    const { container } = renderWithI18n(<Card def={softmax} />, 'zh-TW');
    fireEvent.click(screen.getByRole('button', { name: '預測' }));
    expect(container.querySelector('.worked-hidden')).toHaveTextContent('？——先猜猜看');
    expect(screen.getByText('揭曉前先隱藏')).toBeInTheDocument();
    const input = screen.getByRole('textbox', { name: /^你對 .* 的猜測$/ });
    fireEvent.change(input, { target: { value: '０．５' } });
    fireEvent.submit(input.closest('form')!);
    expect(container.querySelector('.predict-status')!.textContent).toMatch(
      /^你的猜測 0\.5；答案 0\.\d+；相差 0\.\d+（\d+(\.\d)?%）。$/,
    );
    expect(screen.getByRole('button', { name: '再猜一次' })).toHaveFocus();
  });

  it('a guess dragged on the number line over the plot lands in the field, and the reveal marks both', () => {
    const { container } = renderWithI18n(<Card def={softmax} />);
    fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    const ruler = screen.getByRole('slider', { name: /on a number line$/ });
    const svg = ruler.querySelector('svg')!;
    // jsdom lays nothing out: the line is 400 px wide, from x = 100
    svg.getBoundingClientRect = () =>
      ({ left: 100, width: 400, top: 0, height: 104, right: 500, bottom: 104 }) as DOMRect;
    const input = screen.getByRole('textbox', { name: /^Your guess for / });
    // the line spans [0, 1] for a probability: 30% of the way along is 0.3
    fireEvent.pointerDown(ruler, { button: 0, pointerId: 1, clientX: 220 });
    expect(input).toHaveValue('0.300');
    expect(ruler).toHaveFocus();
    // a move without the pointer held does nothing; a captured one follows
    ruler.hasPointerCapture = () => false;
    fireEvent.pointerMove(ruler, { pointerId: 1, clientX: 400 });
    expect(input).toHaveValue('0.300');
    ruler.hasPointerCapture = () => true;
    fireEvent.pointerMove(ruler, { pointerId: 1, clientX: 401 });
    expect(input).toHaveValue('0.755'); // 0.7525 snapped to the step of 0.005
    expect(ruler).toHaveAttribute('aria-valuetext', '0.755');
    fireEvent.keyDown(ruler, { key: 'ArrowLeft' });
    fireEvent.keyDown(ruler, { key: 'PageDown' });
    expect(input).toHaveValue('0.700');
    // beyond either end: the end
    fireEvent.pointerMove(ruler, { pointerId: 1, clientX: 900 });
    expect(input).toHaveValue('1.000');
    fireEvent.pointerMove(ruler, { pointerId: 1, clientX: 300 });
    fireEvent.submit(input.closest('form')!);
    // revealed: 0.5 and the answer on one line, the gap between them shaded
    const values = withDefaults(softmax);
    const truth = cardAnswer(softmax, values, softmax.compute(values), 'en')!.value;
    const bar = container.querySelector('.card-predict')!;
    expect(bar.querySelector('.ruler-guess')).toHaveAttribute('x', '50.000%');
    expect(bar.querySelector('.ruler-answer')).toHaveAttribute('x', `${(truth * 100).toFixed(3)}%`);
    const gap = bar.querySelector('.ruler-gap')!;
    expect(Number(gap.getAttribute('width')!.replace('%', ''))).toBeCloseTo(
      Math.abs(truth - 0.5) * 100,
      2,
    );
    expect(bar.querySelector('[role="slider"]')).toBeNull();
  });

  it('the answer follows the values set while predicting (the sliders set up the question)', async () => {
    const { container } = renderWithI18n(<Card def={softmax} />);
    fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    const T = screen.getByRole('slider', { name: /temperature/ });
    fireEvent.change(T, { target: { value: String(Math.log10(0.5)) } });
    const values = withDefaults(softmax, { T: 0.5 });
    const truth = cardAnswer(softmax, values, softmax.compute(values), 'en')!;
    // the settled copy (worked example, answer) follows once the slider rests
    const before = workedBefore(
      softmax.worked(values, softmax.compute(values), 'en'),
      truth.hideFrom,
    );
    await waitFor(() => expect(shownTex(container)).toBe(norm(before ?? '')));
    fireEvent.submit(screen.getByRole('textbox', { name: /^Your guess for / }).closest('form')!);
    expect(container.querySelector('.predict-status')).toHaveTextContent(
      `The answer: ${formatNumber(truth.value, { digits: 3, notation: 'significant' })}.`,
    );
  });
});

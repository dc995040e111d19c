import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import katex from 'katex';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlotProps, Values } from '../../src/ui/card/types';
import { SETTLE_MS } from '../../src/ui/card/useSettled';
import attention from '../../src/formulas/attention';
import crossEntropy from '../../src/formulas/cross-entropy';
import mse from '../../src/formulas/mse';
import sigmoid from '../../src/formulas/sigmoid';
import softmax from '../../src/formulas/softmax';
import { Card } from '../../src/ui/card/Card';
import { plotMarkup } from '../helpers/formula';
import { makeFakeDef, plotLog, type FakeResult } from './fakeDef';
import { renderWithI18n } from './renderWithI18n';

const lastPlot = (): PlotProps<FakeResult> => plotLog[plotLog.length - 1];

beforeEach(() => {
  plotLog.length = 0;
});

describe('Card with a fake FormulaDef', () => {
  it('renders the formula with themed symbol colours and the worked example', () => {
    const { container } = renderWithI18n(<Card def={makeFakeDef()} />);
    const formula = container.querySelector('.card-formula')!;
    expect(formula.querySelector('.katex')).not.toBeNull();
    const a = formula.querySelector('[data-sym="1"]') as HTMLElement;
    expect(a).not.toBeNull();
    expect(a.getAttribute('style')).toContain('var(--sym-1)');
    expect(formula.innerHTML).not.toMatch(/color:#00000\d/);
    expect(container.querySelector('.card-worked')!.textContent).toContain('units');
  });

  it("a slider's own keys and pointer moves stay with it; Esc and other keys reach the page", () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const range = screen.getAllByRole('slider')[0];
    const heard: string[] = [];
    const listen = (e: Event) =>
      heard.push(e instanceof KeyboardEvent ? `${e.type} ${e.key}` : e.type);
    const types = ['keydown', 'keyup', 'pointermove', 'mousemove'] as const;
    types.forEach((t) => window.addEventListener(t, listen));
    try {
      for (const key of ['ArrowRight', 'ArrowUp', 'PageDown', 'Home', 'End']) {
        fireEvent.keyDown(range, { key });
        fireEvent.keyUp(range, { key });
      }
      fireEvent.pointerMove(range);
      fireEvent.mouseMove(range);
      expect(heard).toEqual([]);
      fireEvent.keyDown(range, { key: 'Escape' });
      fireEvent.keyDown(range, { key: 'p' });
      expect(heard).toEqual(['keydown Escape', 'keydown p']);
    } finally {
      types.forEach((t) => window.removeEventListener(t, listen));
    }
  });

  it('the worked example, which scrolls sideways on a phone, is a named, keyboard-focusable group', () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const worked = screen.getByRole('group', { name: 'Worked example' });
    expect(worked).toHaveClass('card-worked');
    expect(worked).toHaveAttribute('tabindex', '0');
  });

  it('labels sliders by symbol and name, with aria-valuetext in words', () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const gain = screen.getByRole('slider', { name: /gain/ });
    expect(gain).toHaveAttribute('aria-valuetext', 'gain 1.0');
    const T = screen.getByRole('slider', { name: /temperature/ });
    expect(T).toHaveAttribute('aria-valuetext', 'temperature 1.00');
    expect(Number((T as HTMLInputElement).min)).toBeCloseTo(Math.log10(0.05));
    expect(screen.getAllByRole('slider', { name: /inputs/ })).toHaveLength(3);
    expect(screen.getAllByRole('slider', { name: /weights, row/ })).toHaveLength(4);
    expect(screen.getByRole('checkbox', { name: /mask/ })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: /class/ })).toHaveValue('0');
  });

  it('speaks zh-TW labels in zh-TW', () => {
    renderWithI18n(<Card def={makeFakeDef()} />, 'zh-TW');
    expect(screen.getByRole('slider', { name: /溫度/ })).toHaveAttribute(
      'aria-valuetext',
      '溫度 1.00',
    );
    expect(screen.getByText('計算範例')).toBeInTheDocument();
  });

  it('moving a slider updates the plot props in one compute, and the worked example a frame later', async () => {
    const compute = vi.fn(makeFakeDef().compute);
    const { container } = renderWithI18n(<Card def={makeFakeDef({ compute })} />);
    compute.mockClear();
    fireEvent.change(screen.getByRole('slider', { name: /gain/ }), { target: { value: '3' } });
    expect(compute).toHaveBeenCalledTimes(1);
    expect(lastPlot().values.a).toBe(3);
    expect(lastPlot().result.y).toBeCloseTo(6);
    await waitFor(() =>
      expect(container.querySelector('.card-worked')!.textContent).toContain('6.000'),
    );
    expect(compute).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('img')).toHaveAccessibleName('Point at y = 6.00');
  });

  it('moving a slider renders only the worked example with KaTeX, not the static formula', async () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const spy = vi.spyOn(katex, 'renderToString');
    fireEvent.change(screen.getByRole('slider', { name: /gain/ }), { target: { value: '2' } });
    expect(spy).toHaveBeenCalledTimes(0);
    await waitFor(() => expect(spy).toHaveBeenCalled());
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toContain('units');
    spy.mockRestore();
  });

  it('a log-scale slider maps its position through 10^pos', () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const T = screen.getByRole('slider', { name: /temperature/ });
    fireEvent.change(T, { target: { value: String(Math.log10(0.7)) } });
    expect(lastPlot().values.T).toBe(0.7);
    expect(T).toHaveAttribute('aria-valuetext', 'temperature 0.70');
  });

  it('PageUp and Shift+Arrow step ten times the step', () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const gain = screen.getByRole('slider', { name: /gain/ });
    fireEvent.keyDown(gain, { key: 'PageUp' });
    expect(lastPlot().values.a).toBe(6);
    fireEvent.keyDown(gain, { key: 'ArrowLeft', shiftKey: true });
    expect(lastPlot().values.a).toBe(1);
  });

  it('typing an out-of-range value clamps it with a polite note, never NaN', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Card def={makeFakeDef()} />);
    const field = screen.getByRole('spinbutton', { name: 'gain, exact value' });
    await user.clear(field);
    await user.type(field, '99');
    expect(lastPlot().values.a).toBe(10);
    const note = screen.getByText(/99 is above the maximum 10\.0; set to 10\.0/);
    expect(note).toHaveAttribute('aria-live', 'polite');
    await user.clear(field);
    await user.type(field, 'abc');
    await user.tab();
    expect(Number.isNaN(lastPlot().values.a)).toBe(false);
    expect(screen.getByText(/Type a number between/)).toBeInTheDocument();
  });

  it('changing the length param slices and extends the vector from its default', () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    fireEvent.change(screen.getByRole('slider', { name: /count/ }), { target: { value: '4' } });
    // the plot and the controls at once
    expect(lastPlot().values.v).toEqual([1, 2, -1, 0.5]);
    expect(screen.getAllByRole('slider', { name: /inputs/ })).toHaveLength(4);
    fireEvent.change(screen.getByRole('slider', { name: /count/ }), { target: { value: '1' } });
    expect(lastPlot().values.v).toEqual([1]);
  });

  it('entries beyond the length stay mounted but hidden, and come back at their defaults', async () => {
    const { container } = renderWithI18n(<Card def={makeFakeDef()} />);
    const count = screen.getByRole('slider', { name: /count/ });
    const inputs = () => screen.getAllByRole('slider', { name: /inputs/ });
    fireEvent.change(count, { target: { value: '4' } });
    await waitFor(() => expect(inputs()).toHaveLength(4));
    const fourth = inputs()[3];
    fireEvent.change(fourth, { target: { value: '2' } });
    expect(lastPlot().values.v).toEqual([1, 2, -1, 2]);

    fireEvent.change(count, { target: { value: '2' } });
    await waitFor(() => expect(inputs()).toHaveLength(2));
    expect(fourth).toBeInTheDocument();
    expect(fourth.closest('[hidden]')).not.toBeNull();
    // hidden entries are out of the tab order and the accessibility tree
    const hiddenRanges = container.querySelectorAll('.vector-entry[hidden] input[type="range"]');
    expect(hiddenRanges.length).toBeGreaterThan(0);

    fireEvent.change(count, { target: { value: '4' } });
    await waitFor(() => expect(inputs()[3]).toBe(fourth));
    expect(fourth.closest('[hidden]')).toBeNull();
    expect(lastPlot().values.v).toEqual([1, 2, -1, 0.5]);
    expect(fourth).toHaveValue('0.5');
  });

  it('a matrix entry, the toggle and the choice update the values', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Card def={makeFakeDef()} />);
    fireEvent.change(screen.getByRole('slider', { name: 'weights, row 2, column 1' }), {
      target: { value: '-1.5' },
    });
    expect(lastPlot().values.M).toEqual([
      [1, 0],
      [-1.5, 1],
    ]);
    await user.click(screen.getByRole('checkbox', { name: /mask/ }));
    expect(lastPlot().values.mask).toBe(true);
    await user.selectOptions(screen.getByRole('combobox', { name: /class/ }), '1');
    expect(lastPlot().values.k).toBe(1);
  });

  it('presets apply their values and note; reset restores the defaults', async () => {
    const user = userEvent.setup();
    const onValuesChange = vi.fn<(v: Values) => void>();
    renderWithI18n(<Card def={makeFakeDef()} onValuesChange={onValuesChange} />);
    await user.click(screen.getByRole('button', { name: 'Big gain' }));
    expect(lastPlot().values.a).toBe(4);
    expect(screen.getByRole('button', { name: 'Big gain' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByText('Everything scales by four.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(lastPlot().values.a).toBe(1);
    // what follows the values (the URL) gets them once they settle, a moment later
    await waitFor(() =>
      expect(onValuesChange).toHaveBeenLastCalledWith(expect.objectContaining({ a: 1 })),
    );
  });

  it('a preset or reset moves the thumb, the number field and the spoken value with it', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Card def={makeFakeDef()} />);
    const gain = screen.getByRole('slider', { name: /gain/ }) as HTMLInputElement;
    const field = screen.getByRole('spinbutton', { name: 'gain, exact value' }) as HTMLInputElement;
    await user.click(screen.getByRole('button', { name: 'Big gain' }));
    expect(gain.value).toBe('4');
    expect(field.value).toBe('4.0');
    expect(gain).toHaveAttribute('aria-valuetext', 'gain 4.0');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(gain.value).toBe('1');
    expect(field.value).toBe('1.0');
    expect(gain).toHaveAttribute('aria-valuetext', 'gain 1.0');
  });

  it('reset right after a tick the card has not rendered yet brings the thumb back', () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const gain = screen.getByRole('slider', { name: /gain/ }) as HTMLInputElement;
    fireEvent.change(gain, { target: { value: '2.5' } });
    expect(lastPlot().values.a).toBe(2.5);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(lastPlot().values.a).toBe(1);
    expect(gain.value).toBe('1');
    expect(gain).toHaveAttribute('aria-valuetext', 'gain 1.0');
  });

  it('a slider tick writes only the value and its words to the inputs (no name or type churn)', () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const gain = screen.getByRole('slider', { name: /gain/ });
    const field = screen.getByRole('spinbutton', { name: 'gain, exact value' });
    const changed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records)
        changed.push(`${(r.target as Element).className}@${r.attributeName}`);
    });
    observer.observe(gain, { attributes: true });
    observer.observe(field, { attributes: true });
    fireEvent.change(gain, { target: { value: '2.5' } });
    expect(lastPlot().values.a).toBe(2.5);
    expect((field as HTMLInputElement).value).toBe('2.5');
    const records = observer.takeRecords();
    for (const r of records) changed.push(`${(r.target as Element).className}@${r.attributeName}`);
    observer.disconnect();
    expect(changed).toEqual(['slider-range@aria-valuetext']);
  });

  it('a slider tick renders the plot at once with one compute; what follows a drag waits until the ticks rest', () => {
    vi.useFakeTimers();
    try {
      const compute = vi.fn(makeFakeDef().compute);
      const onValuesChange = vi.fn<(v: Values) => void>();
      renderWithI18n(<Card def={makeFakeDef({ compute })} onValuesChange={onValuesChange} />);
      compute.mockClear();
      onValuesChange.mockClear();
      const gain = screen.getByRole('slider', { name: /gain/ });
      const field = screen.getByRole('spinbutton', {
        name: 'gain, exact value',
      }) as HTMLInputElement;
      fireEvent.change(gain, { target: { value: '2.5' } });
      // the plot and the slider's number and words follow in the same render
      expect(lastPlot().values.a).toBe(2.5);
      expect(compute).toHaveBeenCalledTimes(1);
      expect(field.value).toBe('2.5');
      expect(gain).toHaveAttribute('aria-valuetext', 'gain 2.5');
      fireEvent.keyDown(gain, { key: 'PageUp' });
      expect(lastPlot().values.a).toBe(7.5);
      expect(compute).toHaveBeenCalledTimes(2);
      // the settled snapshot (worked example, summary, table, URL) has not moved yet…
      expect(onValuesChange).not.toHaveBeenCalled();
      // …and follows once the ticks rest, with the newest values
      act(() => vi.advanceTimersByTime(SETTLE_MS + 50));
      expect(onValuesChange).toHaveBeenCalledTimes(1);
      expect(onValuesChange).toHaveBeenLastCalledWith(expect.objectContaining({ a: 7.5 }));
      expect(compute).toHaveBeenCalledTimes(2);
      // a value set from inside the plot renders the plot and moves its slider at once
      fireEvent.click(screen.getByTestId('fake-plot').querySelector('.current-point')!);
      expect(lastPlot().values.a).toBe(2);
      expect((gain as HTMLInputElement).value).toBe('2');
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts from initialValues', () => {
    renderWithI18n(<Card def={makeFakeDef()} initialValues={{ a: 2, T: 0.5 }} />);
    expect(lastPlot().values.a).toBe(2);
    expect(lastPlot().values.T).toBe(0.5);
    expect(lastPlot().values.v).toEqual([1, 2, -1]);
  });

  it('shows a polite message when compute throws, and keeps the sliders alive', () => {
    renderWithI18n(<Card def={makeFakeDef()} />);
    const gain = screen.getByRole('slider', { name: /gain/ });
    fireEvent.change(gain, { target: { value: '9' } });
    expect(screen.getByRole('status')).toHaveTextContent('a must not be 9');
    expect(screen.queryByTestId('fake-plot')).toBeNull();
    fireEvent.change(gain, { target: { value: '2' } });
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByTestId('fake-plot')).toBeInTheDocument();
  });

  it('hovering a TeX symbol or a slider row highlights the param; the plot can too', () => {
    const { container } = renderWithI18n(<Card def={makeFakeDef()} />);
    const card = container.querySelector('.card') as HTMLElement;
    fireEvent.mouseOver(container.querySelector('.card-formula [data-sym="3"]')!);
    expect(card).toHaveAttribute('data-hl', '3');
    expect(lastPlot().highlight).toBe('T');
    fireEvent.mouseLeave(container.querySelector('.card-math')!);
    expect(lastPlot().highlight).toBeNull();
    fireEvent.focus(screen.getByRole('slider', { name: /gain/ }));
    expect(container.querySelector('[data-param="a"]')).toHaveAttribute('data-active');
    expect(card).toHaveAttribute('data-hl', '1');
    fireEvent.blur(screen.getByRole('slider', { name: /gain/ }));
    act(() => lastPlot().setHighlight('v'));
    expect(container.querySelector('[data-param="v"]')).toHaveAttribute('data-active');
    act(() => lastPlot().setValue('a', 2));
    expect(lastPlot().values.a).toBe(2);
  });

  it('renders the data table inside a "show data" disclosure', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Card def={makeFakeDef()} />);
    await user.click(screen.getByText('Show data'));
    const table = screen.getByRole('table', { name: 'Fake data' });
    expect(within(table).getByRole('columnheader', { name: 'value' })).toBeInTheDocument();
  });

  it('an error boundary shows a message and a reset button when the card fails', async () => {
    const user = userEvent.setup();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const base = makeFakeDef();
    const broken = {
      ...base,
      get tex(): string {
        if (fail) throw new Error('tex broke');
        return base.tex;
      },
    };
    renderWithI18n(<Card def={broken} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong in this card.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Reset this card' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('fake-plot')).toBeInTheDocument();
    spy.mockRestore();
  });
});

describe('Card with a plot that draws ticks itself', () => {
  const plotHtml = (container: Element) => plotMarkup(container.querySelector('.plot-image')!);

  /** The plot markup of a fresh card at `values`. */
  function freshPlot(def: Parameters<typeof Card>[0]['def'], values?: Values) {
    const view = renderWithI18n(<Card def={def} initialValues={values} />);
    const html = plotHtml(view.container);
    view.unmount();
    return html;
  }

  it.each([
    ['sigmoid', sigmoid, 0],
    ['softmax', softmax, 0],
    ['mse', mse, 1],
    ['cross-entropy', crossEntropy, 0],
    ['attention', attention, 1],
  ] as const)(
    '%s: reset right after ticks shows the defaults, not the last tick',
    (_, def, slider) => {
      const expected = freshPlot(def);
      const view = renderWithI18n(<Card def={def} />);
      const range = screen.getAllByRole('slider')[slider] as HTMLInputElement;
      fireEvent.change(range, {
        target: { value: String(Number(range.min) + Number(range.step)) },
      });
      expect(plotHtml(view.container)).not.toBe(expected);
      // before the card catches up, React's plot still holds the defaults it rendered first
      fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
      expect(plotHtml(view.container)).toBe(expected);
      view.unmount();
    },
  );

  it.each([
    ['softmax', softmax, 'logits mat', '3'],
    ['cross-entropy', crossEntropy, 'binary label t', '0.3'],
  ] as const)(
    '%s: a new language after ticks shows the ticks, before and after the card catches up',
    async (_, def, slider, value) => {
      for (const wait of [false, true]) {
        const onValuesChange = vi.fn<(v: Values) => void>();
        const view = renderWithI18n(<Card def={def} onValuesChange={onValuesChange} />);
        const range = screen.getByRole('slider', { name: slider }) as HTMLInputElement;
        fireEvent.change(range, { target: { value } });
        await waitFor(() =>
          expect(onValuesChange.mock.calls.at(-1)![0]).not.toEqual(onValuesChange.mock.calls[0][0]),
        );
        const ticked = onValuesChange.mock.calls.at(-1)![0];
        view.unmount();
        // the same tick again, now with the language switched before or after the catch-up
        const again = renderWithI18n(<Card def={def} />);
        fireEvent.change(screen.getByRole('slider', { name: slider }), { target: { value } });
        if (wait) await new Promise((resolve) => setTimeout(resolve, 400));
        act(() => {
          void again.i18n.changeLanguage('zh-TW');
        });
        const fresh = renderWithI18n(<Card def={def} initialValues={ticked} />, 'zh-TW');
        const expected = plotHtml(fresh.container);
        fresh.unmount();
        expect(plotHtml(again.container)).toBe(expected);
        again.unmount();
      }
    },
  );
});

describe('Card plot figure', () => {
  it('is one image for a plain plot, and a labelled group a screen reader enters for an interactive one', () => {
    const { unmount } = renderWithI18n(<Card def={makeFakeDef()} />);
    const img = document.querySelector('.plot-image')!;
    expect(img.getAttribute('role')).toBe('img');
    expect(img.getAttribute('aria-label')).not.toBe('');
    unmount();
    renderWithI18n(<Card def={makeFakeDef({ interactivePlot: true })} />);
    const group = document.querySelector('.plot-image')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe(img.getAttribute('aria-label'));
  });

  it('holds only the plot: the data table comes after the controls (the plot sticks alone on a phone)', () => {
    const { container } = renderWithI18n(<Card def={makeFakeDef()} />);
    const main = container.querySelector('.card-main')!;
    const children = [...main.children].map((el) => el.className);
    expect(children).toEqual(['card-plot', 'card-controls', 'data-table']);
    expect(main.querySelector('.card-plot .data-table')).toBeNull();
    expect(main.querySelector('.card-plot')!.tagName).toBe('FIGURE');
  });
});

describe('a param used only at some values of another (activeWhen)', () => {
  it('gradient descent: the 2-D surface and θ₀’s second coordinate are disabled in 1-D and say when they are used; 2-D turns them on and the 1-D curve off', async () => {
    const gd = (await import('../../src/formulas/gradient-descent')).default;
    const { container } = renderWithI18n(<Card def={gd} />);
    const row = (name: string) =>
      container.querySelector<HTMLElement>(`.param-row[data-param="${name}"]`)!;
    const control = (name: string) =>
      row(name).querySelector<HTMLInputElement | HTMLSelectElement>('select, input')!;
    expect(control('surface')).toBeDisabled();
    expect(row('surface')).toHaveTextContent('Used when “dimensions” is “2-D: a loss surface”.');
    for (const input of row('y0').querySelectorAll('input')) expect(input).toBeDisabled();
    expect(control('curve')).toBeEnabled();
    expect(row('curve').querySelector('.param-note')).toBeNull();
    // rows without a condition have no fieldset
    expect(row('lr').querySelector('fieldset')).toBeNull();

    fireEvent.change(control('dim'), { target: { value: '2' } });
    expect(control('surface')).toBeEnabled();
    expect(control('y0')).toBeEnabled();
    expect(control('curve')).toBeDisabled();
    expect(row('curve')).toHaveTextContent('Used when “dimensions” is “1-D: a loss curve”.');
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REGISTRY, findEntry } from '../../src/formulas/registry';
import { drawnMarks } from '../../src/plots/MarksCanvas';
import { App } from '../../src/ui/App';
import { Card } from '../../src/ui/card/Card';
import {
  MAX_PINS,
  addPin,
  describePin,
  encodePin,
  parsePins,
  plainSymbol,
  sameValues,
  withPins,
  type Pin,
} from '../../src/ui/card/pins';
import type { FormulaDef, Param, Values } from '../../src/ui/card/types';
import { defaultValues, normalizeValues } from '../../src/ui/card/values';
import { en } from '../../src/ui/i18n/en';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { makeFakeDef } from './fakeDef';
import { renderWithI18n } from './renderWithI18n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = FormulaDef<any>;

const built = REGISTRY.filter((e) => e.load);
const LOAD = { timeout: 10_000 };

/**
 * The markup and canvas marks of a plot's layers under `root`, ghosts left out, ids made alike
 * and the ghost check's marks (data-differs) dropped.
 */
function markup(root: Element): string {
  const kids = [...root.children].filter((c) => !c.classList.contains('pin-ghost'));
  const marks = kids.flatMap((k) =>
    [...k.querySelectorAll('canvas')].map((c) => JSON.stringify(drawnMarks(c) ?? null)),
  );
  const html = kids
    .map((k) => k.outerHTML)
    .join('')
    .replace(/_r_[0-9a-z]+_/g, 'ID')
    .replace(/ data-differs=""/g, '');
  return [html, ...marks].join('\n');
}

const image = () => document.querySelector('.plot-image')!;
const ghosts = () => [...image().querySelectorAll<HTMLElement>(':scope > .pin-ghost')];
const ghost = (slot: number) =>
  image().querySelector<HTMLElement>(`.pin-ghost[data-pin="${slot}"]`);

/** The visible sliders of the controls. */
const sliders = () =>
  [...document.querySelectorAll<HTMLInputElement>('.card-controls input[type="range"]')].filter(
    (el) => !el.closest('[hidden]') && !el.disabled,
  );

/**
 * Moves a slider until the live plot draws something no ghost draws (a state not pinned).
 * Sets range positions as a drag does (max, min, a step in from either end).
 */
async function moveToNewState(): Promise<void> {
  // the ghosts are memoized on their pins: what they draw stays put while the sliders move
  const pinned = ghosts().map(markup);
  for (const range of sliders().slice(0, 4)) {
    const min = Number(range.min);
    const max = Number(range.max);
    const step = Number(range.step) || (max - min) / 10;
    for (const v of [max, min, min + step, max - step, (min + max) / 2]) {
      act(() => {
        fireEvent.change(range, { target: { value: String(v) } });
      });
      await flush();
      const live = markup(image());
      if (pinned.every((g) => g !== live)) return;
    }
  }
  throw new Error('no slider move changed the plot');
}

/** Lets a page that computes in a worker (on the main thread here, a timer later) draw its answer. */
const flush = () =>
  act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((ok) => setTimeout(ok, 0));
  });

// (found by class, their role and name checked where they first show: role queries over a
// whole card are slow, several seconds a page)
const pinButton = () => document.querySelector<HTMLButtonElement>('.card-controls .pin-add')!;
function legendOf(name: string = en.pin.legend): HTMLElement {
  const legend = document.querySelector<HTMLElement>('.card-plot .pin-legend')!;
  expect(legend).toHaveRole('list');
  expect(legend).toHaveAccessibleName(name);
  return legend;
}
/** A button of the legend, by its accessible name (a role query within the legend alone). */
const legendButton = (name: string) => within(legendOf()).getByRole('button', { name });
const status = () => document.querySelector('.pin-status')!.textContent;
const t = (s: string, slot: number) => s.replace('{{slot}}', String(slot));

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('pin and compare on every built page', () => {
  for (const entry of built) {
    it(`${entry.id}: pin, move, ghost and legend; a third pin replaces the oldest; unpin`, async () => {
      const def: AnyDef = (await entry.load!()).default;
      const onPinsChange = vi.fn();
      const onValuesChange = vi.fn();
      renderWithI18n(
        <Card def={def} onPinsChange={onPinsChange} onValuesChange={onValuesChange} />,
      );
      await flush();
      const first = markup(image());
      expect(pinButton()).toHaveRole('button');
      expect(pinButton()).toHaveAccessibleName(en.pin.add);
      expect(document.querySelectorAll('.pin-add')).toHaveLength(1);
      expect(ghosts()).toHaveLength(0);
      expect(document.querySelector('.pin-legend')).toBeNull();

      act(() => pinButton().click());
      expect(status()).toBe(t(en.pin.added, 1));
      await flush();
      const g1 = ghost(1)!;
      expect(g1).toHaveAttribute('aria-hidden', 'true');
      expect(g1).toHaveAttribute('inert');
      // the ghost is the page's plot drawn from the pinned values
      expect(markup(g1)).toBe(first);
      // pinning the same values again adds nothing
      act(() => pinButton().click());
      expect(status()).toBe(t(en.pin.same, 1));
      expect(ghosts()).toHaveLength(1);

      await moveToNewState();
      // the ghost stays as pinned while the live plot draws the new values
      expect(markup(ghost(1)!)).toBe(first);
      expect(markup(image())).not.toBe(first);
      const legend = legendOf();
      const entry1 = within(legend).getByText(/Pin 1/).closest('li')!;
      // its entry says what the pin differs in from the values now, once they rest
      const [pin1] = onPinsChange.mock.lastCall![0] as readonly Pin[];
      await waitFor(() => {
        const now = onValuesChange.mock.lastCall![0] as Values;
        const said = describePin(def.params, pin1.values, now, 'en');
        expect(said.length).toBeGreaterThan(0);
        expect(entry1.textContent).toContain(said.join(', '));
      }, LOAD);

      act(() => pinButton().click());
      expect(status()).toBe(t(en.pin.added, 2));
      await flush();
      expect(markup(ghost(2)!)).toBe(markup(image()));
      const second = markup(image());

      await moveToNewState();
      act(() => pinButton().click());
      expect(status()).toBe(t(en.pin.replaced, 1));
      expect(ghosts()).toHaveLength(MAX_PINS);
      await flush();
      expect(markup(ghost(1)!)).toBe(markup(image()));
      expect(markup(ghost(2)!)).toBe(second);
      const pins = onPinsChange.mock.lastCall![0] as readonly Pin[];
      expect(pins.map((p) => p.slot)).toEqual([2, 1]);

      // "show values" of pin 2 sets its values: the live plot draws what its ghost draws
      act(() => legendButton(t(en.pin.showLabel, 2)).click());
      await flush();
      expect(markup(image())).toBe(second);

      // unpin: the ghost and its entry go, focus returns to the pin button
      act(() => legendButton(t(en.pin.remove, 1)).click());
      expect(ghost(1)).toBeNull();
      expect(ghosts()).toHaveLength(1);
      expect(status()).toBe(t(en.pin.removed, 1));
      expect(document.activeElement).toBe(pinButton());
      act(() => legendButton(t(en.pin.remove, 2)).click());
      expect(ghosts()).toHaveLength(0);
      expect(document.querySelector('.pin-legend')).toBeNull();
      expect(image()).not.toHaveClass('has-pins');
    });
  }
});

describe('pins in the URL', () => {
  for (const entry of built) {
    it(`${entry.id}: any pinned values survive the link; a tampered pin is dropped`, async () => {
      const def: AnyDef = (await entry.load!()).default;
      const values = valuesOf(def.params);
      fc.assert(
        fc.property(fc.array(values, { minLength: 1, maxLength: 2 }), (list) => {
          const pins = list.map((v, i) => ({ slot: (i + 1) as 1 | 2, values: v, result: null }));
          const search = withPins('?lang=en', def.params, pins);
          const back = parsePins(def, new URLSearchParams(search));
          expect(back.notices).toEqual([]);
          expect(back.pins).toHaveLength(pins.length);
          back.pins.forEach((p, i) => expect(sameValues(def.params, p.values, list[i])).toBe(true));
          expect(new URLSearchParams(search).get('lang')).toBe('en');
        }),
        { numRuns: 8 },
      );
      const good = encodePin(def.params, defaultValues(def.params));
      for (const bad of HOSTILE) {
        const q = new URLSearchParams();
        q.append('pin', bad);
        q.append('pin', good);
        const r = parsePins(def, q);
        expect(r.pins).toHaveLength(1);
        expect(r.notices).toEqual([expect.objectContaining({ kind: 'pinDropped', index: 1 })]);
      }
      const many = new URLSearchParams([
        ['pin', good],
        ['pin', good],
        ['pin', good],
      ]);
      const r = parsePins(def, many);
      expect(r.pins).toHaveLength(2);
      expect(r.notices).toEqual([{ kind: 'pinsTooMany', got: 3 }]);
    });
  }
});

const HOSTILE = ['nope~1', '<script>alert(1)</script>', 'x'.repeat(5000), '~~~', '__proto__~1'];

function valuesOf(params: readonly Param[]): fc.Arbitrary<Values> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  const num = (min: number, max: number) => fc.double({ min, max, noNaN: true });
  for (const p of params) {
    switch (p.kind) {
      case 'scalar':
        shape[p.name] = p.integer ? fc.integer({ min: p.min, max: p.max }) : num(p.min, p.max);
        break;
      case 'vector':
        shape[p.name] = fc.array(num(p.min, p.max), {
          minLength: p.default.length,
          maxLength: p.default.length,
        });
        break;
      case 'matrix':
        shape[p.name] = fc.array(
          fc.array(num(p.min, p.max), { minLength: p.cols, maxLength: p.cols }),
          { minLength: p.default.length, maxLength: p.default.length },
        );
        break;
      case 'toggle':
        shape[p.name] = fc.boolean();
        break;
      case 'choice':
        shape[p.name] = fc.constantFrom(...p.options.map((o) => o.value));
        break;
      default:
        shape[p.name] = fc.integer({ min: 0, max: 1000 });
    }
  }
  return fc.record(shape).map((raw) => normalizeValues(params, raw as Values));
}

describe('pin helpers', () => {
  const params: Param[] = [
    {
      kind: 'scalar',
      name: 'T',
      tex: 'T',
      label: { en: 'temperature', 'zh-TW': '溫度' },
      min: 0.1,
      max: 5,
      step: 0.1,
      default: 1,
    },
    {
      kind: 'vector',
      name: 'z',
      tex: 'z',
      label: { en: 'logits', 'zh-TW': 'logits' },
      min: -5,
      max: 5,
      step: 0.1,
      default: [1, 0, -1],
      length: 3,
    },
    {
      kind: 'toggle',
      name: 'c',
      tex: '\\mathrm{mask}',
      label: { en: 'causal mask', 'zh-TW': '因果遮罩' },
      default: false,
    },
  ];
  const at = (over: Partial<Record<string, unknown>>) =>
    normalizeValues(params, { ...defaultValues(params), ...over } as Values);

  it('plain symbols: Greek, subscripts, or null', () => {
    expect(plainSymbol('\\eta')).toBe('η');
    expect(plainSymbol('\\beta_1')).toBe('β₁');
    expect(plainSymbol('z')).toBe('z');
    expect(plainSymbol('\\frac{a}{b}')).toBeNull();
  });

  it('describes what a pin differs in, in both languages', () => {
    const pin = at({ T: 2, z: [1, 0, 1.5] });
    expect(describePin(params, pin, at({}), 'en')).toEqual(['T = 2.0', 'z₃ = 1.5']);
    expect(describePin(params, at({ c: true }), at({}), 'en')).toEqual(['mask = on']);
    expect(describePin(params, at({ c: true }), at({}), 'zh-TW')).toEqual(['mask = 開']);
    expect(describePin(params, at({}), at({}), 'en')).toEqual([]);
  });

  it('a third pin takes the oldest pin’s slot; the same values are not pinned twice', () => {
    let pins: Pin[] = [];
    const pin = (v: Values) => {
      const r = addPin(params, pins, v, null);
      pins = r.pins;
      return r.change;
    };
    expect(pin(at({ T: 2 }))).toEqual({ kind: 'added', slot: 1 });
    expect(pin(at({ T: 2 }))).toEqual({ kind: 'same', slot: 1 });
    expect(pin(at({ T: 3 }))).toEqual({ kind: 'added', slot: 2 });
    expect(pin(at({ T: 4 }))).toEqual({ kind: 'replaced', slot: 1 });
    expect(pins.map((p) => [p.slot, p.values.T])).toEqual([
      [2, 3],
      [1, 4],
    ]);
    expect(pin(at({ T: 5 }))).toEqual({ kind: 'replaced', slot: 2 });
  });

  it('encodes compactly and keeps other keys', () => {
    expect(encodePin(params, at({ T: 2, z: [1, 0, 1.5] }))).toBe('T~2_z~1,0,1.5');
    const pins = [{ slot: 1 as const, values: at({ T: 2 }), result: null }];
    expect(withPins('?T=3&pin=old&lang=zh-TW', params, pins)).toBe('?T=3&lang=zh-TW&pin=T~2');
    expect(withPins('?pin=old', params, [])).toBe('');
  });

  it('an out-of-range value in a pin drops the whole pin', () => {
    const def = { params, compute: () => null } as unknown as AnyDef;
    const r = parsePins(def, new URLSearchParams('pin=T~99&pin=T~2'));
    expect(r.pins.map((p) => p.values.T)).toEqual([2]);
    expect(r.notices).toEqual([{ kind: 'pinDropped', index: 1, raw: 'T~99' }]);
  });
});

describe('a pinned link on a page', () => {
  it.each([
    ['en', en],
    ['zh-TW', zhTW],
  ] as const)(
    '(%s) opens with its ghosts and legend; a hostile pin gets the URL notice',
    async (lang, s) => {
      window.history.replaceState(null, '', `/softmax?T=2&pin=T~0.5&pin=T~abc&lang=${lang}`);
      renderWithI18n(<App />, lang);
      const title = findEntry('softmax')!.title[lang];
      expect(await screen.findByRole('heading', { level: 1, name: title }, LOAD)).toBeVisible();
      expect(ghosts()).toHaveLength(1);
      const legend = legendOf(s.pin.legend);
      expect(legend).toHaveTextContent(t(s.pin.entry, 1));
      expect(legend).toHaveTextContent('0.5');
      expect(
        screen.getByText(s.url.pinDropped.replace('{{index}}', '2').replace('{{raw}}', 'T~abc')),
      ).toBeInTheDocument();
      // the page writes its pins back (the tampered one gone) once the values rest
      await waitFor(
        () => expect(new URLSearchParams(window.location.search).getAll('pin')).toEqual(['T~0.5']),
        LOAD,
      );
      expect(document.body.textContent).not.toMatch(/NaN|undefined/);
    },
  );
});

describe('a ghost is drawn only over the same axes', () => {
  const def = makeFakeDef({
    Plot: ({ values }) => (
      <svg viewBox="0 0 100 50">
        <g className="axis">
          <text className="tick-label">{Number(values.a) > 5 ? '0 … 10' : '0 … 5'}</text>
        </g>
        <rect className="bar" width={Math.abs(Number(values.a))} height="10" />
      </svg>
    ),
  });

  it('hides a ghost panel and says so while the live axes differ, and draws it again when they match', async () => {
    renderWithI18n(<Card def={def} />);
    act(() => pinButton().click());
    const panel = ghost(1)!.querySelector('svg')!;
    const entry = document.querySelector('.pin-entry[data-pin="1"]')!;
    expect(panel).not.toHaveAttribute('data-differs');
    const gain = screen.getByRole('slider', { name: /gain/ });
    act(() => {
      fireEvent.change(gain, { target: { value: '8' } });
    });
    await waitFor(() => expect(panel).toHaveAttribute('data-differs'));
    expect(entry).toHaveAttribute('data-differs');
    expect(entry.querySelector('.pin-hidden')).toHaveTextContent(en.pin.hidden);
    act(() => {
      fireEvent.change(gain, { target: { value: '3' } });
    });
    await waitFor(() => expect(panel).not.toHaveAttribute('data-differs'));
    expect(entry).not.toHaveAttribute('data-differs');
  });
});

describe('pins while predicting', () => {
  it('the ghosts are hidden with the plot and the legend is left out; both come back on reveal', async () => {
    const def: AnyDef = (await findEntry('softmax')!.load!()).default;
    renderWithI18n(<Card def={def} />);
    await flush();
    act(() => pinButton().click());
    await moveToNewState();
    const pinned = markup(ghost(1)!);
    const figure = document.querySelector('.card-plot')!;
    // the predict button (in the worked example's heading) and the bar's, all in the card's math
    const math = document.querySelector<HTMLElement>('.card-math')!;
    const button = (name: string) =>
      [...math.querySelectorAll('button')].find((b) => b.textContent === name)!;
    expect(document.querySelector('.pin-legend')).not.toBeNull();

    fireEvent.click(button(en.predict.start));
    // the ghost is still there, under the cover with the plot: inside the inert, covered image
    expect(figure).toHaveAttribute('data-predict');
    expect(image()).toHaveAttribute('inert');
    expect(figure.querySelector('.plot-cover')).toHaveTextContent(en.predict.hiddenPlot);
    expect(ghost(1)!.closest('.plot-image')).toBe(image());
    expect(markup(ghost(1)!)).toBe(pinned);
    // no legend whose buttons would sit unseen under the cover
    expect(document.querySelector('.pin-legend, .pin-entry')).toBeNull();
    // pinning still works (a teacher may pin the question's state); its ghost is covered too
    act(() => pinButton().click());
    expect(status()).toBe(t(en.pin.added, 2));
    await flush();
    expect(ghosts()).toHaveLength(2);
    expect(document.querySelector('.pin-legend')).toBeNull();

    fireEvent.click(button(en.predict.cancel));
    expect(figure).not.toHaveAttribute('data-predict');
    expect(image()).not.toHaveAttribute('inert');
    expect(markup(ghost(1)!)).toBe(pinned);
    const legend = legendOf();
    expect(within(legend).getAllByRole('listitem')).toHaveLength(2);
  });
});

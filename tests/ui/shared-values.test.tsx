import { fireEvent, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { builtEntries, findEntry } from '../../src/formulas/registry';
import type { FormulaDef, Param } from '../../src/ui/card/types';
import { App } from '../../src/ui/App';
import { parseParams } from '../../src/ui/url/params';
import { carriedValues, sharesAny } from '../../src/ui/url/shared';
import { renderWithI18n } from './renderWithI18n';

const LOAD = { timeout: 10_000 };

const logits = (over: Partial<Param> = {}): Param =>
  ({
    kind: 'vector',
    name: 'z',
    tex: 'z',
    label: { en: 'logits', 'zh-TW': 'logits' },
    min: -10,
    max: 10,
    step: 0.1,
    default: [1, 0, -1],
    length: 3,
    shares: 'logits',
    ...over,
  }) as Param;
const lr = (name: string, max = 1): Param => ({
  kind: 'scalar',
  name,
  tex: '\\eta',
  label: { en: 'learning rate', 'zh-TW': '學習率' },
  min: 0.001,
  max,
  step: 0.001,
  default: 0.1,
  scale: 'log',
  shares: 'learning-rate',
});

describe('carriedValues', () => {
  it('hands a shared quantity to the param of the other page that shares it, under its own name', () => {
    const from = [lr('eta'), logits()];
    const to = [lr('lr'), logits({ name: 'logit' })];
    expect(carriedValues(from, { eta: 0.3, z: [2, 1, 0.5] }, to)).toEqual([
      ['lr', '0.3'],
      ['logit', '2,1,0.5'],
    ]);
  });

  it('fits the value to the target: its range, its length (and the length param it follows)', () => {
    const n: Param = {
      kind: 'scalar',
      name: 'n',
      tex: 'n',
      label: { en: 'tokens', 'zh-TW': '詞元數' },
      min: 2,
      max: 4,
      step: 1,
      default: 3,
      integer: true,
    };
    const to = [n, logits({ min: -5, max: 5, default: [1, 0, -1, 0], length: { param: 'n' } })];
    expect(carriedValues([logits()], { z: [9, -9, 1, 2, 3] }, to)).toEqual([
      ['n', '4'],
      ['z', '5,-5,1,2'],
    ]);
    expect(carriedValues([lr('eta')], { eta: 0.5 }, [lr('lr', 0.2)])).toEqual([['lr', '0.2']]);
    // a fixed length takes the first entries, then its own defaults
    expect(carriedValues([logits({ length: 2 })], { z: [4, 3] }, [logits()])).toEqual([
      ['z', '4,3,-1'],
    ]);
  });

  it('carries nothing between quantities of different names or kinds, nor values at the defaults', () => {
    expect(carriedValues([lr('eta')], { eta: 0.3 }, [logits()])).toEqual([]);
    expect(carriedValues([logits()], { z: [1, 0, -1] }, [logits()])).toEqual([]);
    const scalarLogits = { ...lr('z'), shares: 'logits' } as Param;
    expect(carriedValues([scalarLogits], { z: 0.5 }, [logits()])).toEqual([]);
  });

  it('what it writes, the target page reads back without a notice, in range (fast-check)', () => {
    const to = [lr('lr', 0.5), logits({ min: -3, max: 3 })];
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (eta, z) => {
          const q = new URLSearchParams(carriedValues([lr('eta'), logits()], { eta, z }, to));
          const { values, notices } = parseParams(to, q);
          expect(notices).toEqual([]);
          expect(values.lr as number).toBeLessThanOrEqual(0.5);
          expect((values.z as number[]).length).toBe(3);
        },
      ),
    );
  });

  it('softmax and cross-entropy share their logits', async () => {
    const params = async (id: string) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ((await findEntry(id)!.load!()).default as FormulaDef<any>).params;
    const softmax = await params('softmax');
    const ce = await params('cross-entropy');
    expect(sharesAny(softmax) && sharesAny(ce)).toBe(true);
    const z = [3, 1, 0.5, -1, -2];
    expect(carriedValues(softmax, { z }, ce)).toEqual([['z', '3,1,0.5,-1,-2']]);
  });

  it('the optimizer pages share their learning rate, which arrives as learning-rate’s middle rate', async () => {
    const params = async (id: string) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ((await findEntry(id)!.load!()).default as FormulaDef<any>).params;
    const gd = await params('gradient-descent');
    for (const id of ['sgd', 'adam', 'adagrad', 'backpropagation'])
      expect(carriedValues(gd, { lr: 0.25 }, await params(id)), id).toEqual([['lr', '0.25']]);
    expect(carriedValues(gd, { lr: 0.25 }, await params('learning-rate'))).toEqual([
      ['lr2', '0.25'],
    ]);
    // clamped into the range of the page it arrives on (backpropagation's starts at 0.01)
    expect(carriedValues(gd, { lr: 0.001 }, await params('backpropagation'))).toEqual([
      ['lr', '0.01'],
    ]);
  });

  it("every built page's shared quantities are of one kind wherever they are declared", async () => {
    const kinds = new Map<string, string>();
    for (const entry of builtEntries()) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const def: FormulaDef<any> = (await entry.load!()).default;
      for (const p of def.params) {
        if (!p.shares) continue;
        expect(kinds.get(p.shares) ?? p.kind, `${entry.id} ${p.name}`).toBe(p.kind);
        kinds.set(p.shares, p.kind);
      }
    }
  });
});

describe('related links carry the shared values', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('softmax → cross-entropy: pointing at the link writes the logits into it; following it opens them', async () => {
    window.history.replaceState(null, '', '/softmax?z=3,1,0.5,-1,-2&T=2&lang=zh-TW');
    renderWithI18n(<App />, 'zh-TW');
    const title = findEntry('cross-entropy')!.title['zh-TW'];
    const link = await screen.findByRole('link', { name: title }, LOAD);
    expect(link).toHaveAttribute('href', '/cross-entropy?lang=zh-TW');
    fireEvent.focus(link);
    await waitFor(() =>
      expect(link).toHaveAttribute('href', '/cross-entropy?z=3,1,0.5,-1,-2&lang=zh-TW'),
    );
    fireEvent.click(link);
    await waitFor(() => expect(window.location.pathname).toBe('/cross-entropy'), LOAD);
    expect(window.location.search).toBe('?z=3,1,0.5,-1,-2&lang=zh-TW');
    await screen.findByRole('heading', { level: 1, name: title }, LOAD);
    // the temperature is softmax's own: it does not travel
    expect(window.location.search).not.toContain('T=');
  });

  it('a page that shares nothing links as before', async () => {
    window.history.replaceState(null, '', '/mse');
    renderWithI18n(<App />);
    const link = await screen.findByRole(
      'link',
      { name: findEntry('cross-entropy')!.title.en },
      LOAD,
    );
    fireEvent.focus(link);
    fireEvent.click(link);
    await waitFor(() => expect(window.location.pathname).toBe('/cross-entropy'), LOAD);
    expect(window.location.search).toBe('');
  });
});

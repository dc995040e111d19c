import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { builtEntries } from '../../src/formulas/registry';
import type { FormulaDef, Values } from '../../src/ui/card/types';
import { defaultValues, presetValues } from '../../src/ui/card/values';
import { LANGS } from '../../src/ui/i18n';
import { splitRichText } from '../../src/ui/tex/richText';
import { sym } from '../../src/ui/tex/sym';

/** Renders TeX the strict way: any parse error or non-strict construct throws. */
function strict(tex: string, displayMode: boolean, where: string) {
  try {
    katex.renderToString(tex, { throwOnError: true, strict: 'error', displayMode, trust: false });
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}\n  TeX: ${tex}`, { cause: e });
  }
}

/** Every `$…$` fragment of a prose string. */
function fragments(text: string): string[] {
  return splitRichText(text).flatMap((p) => (p.kind === 'tex' ? [p.tex] : []));
}

describe('every formula string renders with KaTeX in strict mode', () => {
  it('the framework itself: sym() placeholders are strict-valid', () => {
    expect(() => strict(`${sym(1, 'z_i')} + ${sym(8, '\\frac{a}{b}')}`, true, 'sym')).not.toThrow();
  });

  for (const entry of builtEntries()) {
    it(`${entry.id}: formula, worked examples, param symbols and prose`, async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const def: FormulaDef<any> = (await entry.load!()).default;
      strict(def.tex, true, `${entry.id} tex`);

      const cases: [string, Values][] = [['defaults', defaultValues(def.params)]];
      for (const p of def.presets ?? [])
        cases.push([`preset ${p.id}`, presetValues(def.params, p.values)]);
      for (const [name, values] of cases) {
        const result = def.compute(values);
        for (const lang of LANGS)
          strict(def.worked(values, result, lang), true, `${entry.id} worked (${name}, ${lang})`);
      }

      for (const p of def.params) {
        strict(p.tex, false, `${entry.id} param ${p.name}`);
        if (p.slot) strict(sym(p.slot, p.tex), false, `${entry.id} param ${p.name} coloured`);
        if (p.kind === 'vector') {
          const n = Math.max(p.default.length, typeof p.length === 'number' ? p.length : 0);
          for (let i = 0; i < n; i++) {
            strict(`{${p.tex}}_{${i + 1}}`, false, `${entry.id} ${p.name} entry ${i + 1}`);
            for (const lang of LANGS) {
              const label = p.itemLabel?.(i, lang);
              if (label !== undefined && /[\\^_{}]/.test(label))
                strict(label, false, `${entry.id} ${p.name} item ${i}`);
            }
          }
        }
        if (p.kind === 'matrix') {
          for (let r = 0; r < p.default.length; r++)
            for (const lang of LANGS) {
              const label = p.rowLabel?.(r, lang);
              if (label !== undefined && /[\\^_{}]/.test(label))
                strict(label, false, `${entry.id} ${p.name} row ${r}`);
            }
        }
      }

      for (const lang of LANGS) {
        const text = def.text[lang];
        for (const [i, para] of [text.intro, ...text.body].entries())
          for (const f of fragments(para))
            strict(f, false, `${entry.id} text ${lang} paragraph ${i}`);
        for (const p of def.presets ?? [])
          for (const f of fragments(p.note?.[lang] ?? ''))
            strict(f, false, `${entry.id} preset ${p.id} note ${lang}`);
      }
    });
  }
});

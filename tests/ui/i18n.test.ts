import { describe, expect, it } from 'vitest';
import { REGISTRY, SECTIONS, SECTION_TITLES, builtEntries } from '../../src/formulas/registry';
import type { Bilingual } from '../../src/ui/card/types';
import { LANGS, createI18n, normalizeLang } from '../../src/ui/i18n';
import { en } from '../../src/ui/i18n/en';
import { zhTW } from '../../src/ui/i18n/zh-TW';

/** Every leaf of a nested string table as [dotted key, value]. */
function leaves(obj: object, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );
}

/** Interpolation names used by a string: `{{name}}`. */
function slots(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

function expectBilingual(b: Bilingual, what: string) {
  for (const lang of LANGS) {
    expect(typeof b[lang], `${what} [${lang}]`).toBe('string');
    expect(b[lang].trim(), `${what} [${lang}]`).not.toBe('');
  }
}

describe('shell strings', () => {
  const enLeaves = new Map(leaves(en));
  const zhLeaves = new Map(leaves(zhTW));

  it('every English key exists in zh-TW and vice versa, non-empty', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [k, v] of [...enLeaves, ...zhLeaves]) {
      expect(typeof v, k).toBe('string');
      expect((v as string).trim(), k).not.toBe('');
    }
  });

  it('both languages interpolate the same names', () => {
    for (const [k, v] of enLeaves)
      expect(slots(zhLeaves.get(k) as string), k).toEqual(slots(v as string));
  });

  it('zh-TW strings are written in Traditional characters (no common Simplified forms)', () => {
    const simplified = /[们这个说为网络对时么开关设数据页发转变传学习优样误轻]/;
    for (const [k, v] of zhLeaves) expect(simplified.test(v as string), `${k}: ${v}`).toBe(false);
  });

  it('createI18n translates in both languages', () => {
    expect(createI18n({ lng: 'en' }).t('card.reset')).toBe('Reset');
    expect(createI18n({ lng: 'zh-TW' }).t('card.reset')).toBe('重設');
  });

  it('normalizeLang maps Chinese variants to zh-TW and everything else to en', () => {
    for (const tag of ['zh', 'zh-Hant', 'zh-TW', 'zh-HK', 'zh-hant-tw'])
      expect(normalizeLang(tag)).toBe('zh-TW');
    for (const tag of ['en', 'en-US', 'fr', '', null, undefined])
      expect(normalizeLang(tag)).toBe('en');
  });
});

describe('registry and page text in both languages', () => {
  it('every section and registry entry has a title (and teaser) in both languages', () => {
    for (const s of SECTIONS) expectBilingual(SECTION_TITLES[s], `section ${s}`);
    for (const e of REGISTRY) {
      expectBilingual(e.title, `${e.id} title`);
      expectBilingual(e.teaser, `${e.id} teaser`);
    }
  });

  for (const entry of builtEntries()) {
    it(`${entry.id}: text, param labels and presets exist in both languages`, async () => {
      const def = (await entry.load!()).default;
      expect(def.id).toBe(entry.id);
      for (const lang of LANGS) {
        const text = def.text[lang];
        expect(text, `${entry.id} text [${lang}]`).toBeDefined();
        expect(text.intro.trim()).not.toBe('');
        for (const p of text.body) expect(p.trim()).not.toBe('');
      }
      for (const p of def.params) {
        expectBilingual(p.label, `${entry.id} param ${p.name}`);
        if (p.kind === 'choice')
          for (const o of p.options) expectBilingual(o.label, `${entry.id} ${p.name} option`);
      }
      for (const preset of def.presets ?? []) {
        expectBilingual(preset.label, `${entry.id} preset ${preset.id}`);
        if (preset.note) expectBilingual(preset.note, `${entry.id} preset ${preset.id} note`);
      }
      for (const id of entry.related)
        expect(
          REGISTRY.some((e) => e.id === id),
          `related ${id}`,
        ).toBe(true);
    });
  }
});

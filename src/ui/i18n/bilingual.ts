import type { Bilingual } from '../card/types';

/**
 * A page's text written once in both languages and picked with `[lang]`:
 * `const drawn = bilingual({ en: (k: number) => \`drawn ${k}\`, 'zh-TW': (k) => \`抽 ${k} 次\` })`,
 * then `drawn[lang](k)`. Leaving out a language is a type error, and the zh-TW
 * entry takes the types of the en entry (a function's parameters, an object's keys).
 */
export function bilingual<T>(texts: Bilingual<T>): Bilingual<T> {
  return texts;
}

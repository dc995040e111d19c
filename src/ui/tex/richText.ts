/** One piece of a prose string: plain text or inline TeX. */
export type RichPart = { kind: 'text'; text: string } | { kind: 'tex'; tex: string };

/**
 * Splits prose into text and inline TeX written between `$…$`. `\$` is a literal
 * dollar sign; an unmatched `$` is kept as text.
 */
export function splitRichText(source: string): RichPart[] {
  const parts: RichPart[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\' && source[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    if (c === '$') {
      let j = i + 1;
      let tex = '';
      while (j < source.length && source[j] !== '$') {
        if (source[j] === '\\' && source[j + 1] === '$') {
          tex += '\\$';
          j += 2;
          continue;
        }
        tex += source[j];
        j += 1;
      }
      if (j < source.length && tex.trim() !== '') {
        if (text) parts.push({ kind: 'text', text });
        text = '';
        parts.push({ kind: 'tex', tex });
        i = j + 1;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** One piece of a prose string: plain text, inline TeX, or a link to another page of the app. */
export type RichPart =
  | { kind: 'text'; text: string }
  | { kind: 'tex'; tex: string }
  | { kind: 'link'; text: string; href: string };

/** `[words](/page-id)`: a link to a page of the app, its words plain text. */
const LINK = /^\[([^\]$[]+)\]\((\/[a-z0-9-]+)\)/;

/**
 * Splits prose into text, inline TeX written between `$…$` and links to app pages written
 * `[words](/page-id)`. `\$` is a literal dollar sign; an unmatched `$` is kept as text.
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
    const link = c === '[' ? LINK.exec(source.slice(i)) : null;
    if (link) {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'link', text: link[1], href: link[2] });
      i += link[0].length;
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

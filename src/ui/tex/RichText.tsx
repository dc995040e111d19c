import { memo, useMemo, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useCarriedSearch } from '../shell/links';
import { splitRichText } from './richText';
import { Tex } from './Tex';

/** Props of `RichText`. */
export interface RichTextProps {
  /** Prose with inline TeX between `$…$` and links to app pages, `[words](/page-id)`. */
  text: string;
  /** Element to render: a paragraph (default) or an inline span. */
  as?: 'p' | 'span' | 'div';
  className?: string;
}

/** Punctuation that must not start a line: it stays on the line of the formula before it. */
const CLOSING = /^[,.;:!?)\]}，。、；：！？）」』》〉…]+/;

/** Prose with inline TeX and page links; text is rendered as React text, never as HTML. */
export const RichText = memo(function RichText({ text, as = 'p', className }: RichTextProps) {
  const parts = useMemo(() => splitRichText(text), [text]);
  const search = useCarriedSearch();
  const Tag = as;
  const out: ReactNode[] = [];
  let carry = '';
  parts.forEach((p, i) => {
    if (p.kind === 'text') {
      const rest = p.text.slice(carry.length);
      carry = '';
      if (rest) out.push(<span key={i}>{rest}</span>);
      return;
    }
    if (p.kind === 'link') {
      carry = '';
      out.push(
        <Link key={i} href={`${p.href}${search}`}>
          {p.text}
        </Link>,
      );
      return;
    }
    const next = parts[i + 1];
    carry = next?.kind === 'text' ? (CLOSING.exec(next.text)?.[0] ?? '') : '';
    out.push(
      carry ? (
        <span key={i} className="nowrap">
          <Tex tex={p.tex} />
          {carry}
        </span>
      ) : (
        <Tex key={i} tex={p.tex} />
      ),
    );
  });
  return <Tag className={className}>{out}</Tag>;
});

import { memo, useMemo } from 'react';
import { splitRichText } from './richText';
import { Tex } from './Tex';

/** Props of `RichText`. */
export interface RichTextProps {
  /** Prose with inline TeX between `$…$`. */
  text: string;
  /** Element to render: a paragraph (default) or an inline span. */
  as?: 'p' | 'span' | 'div';
  className?: string;
}

/** Prose with inline TeX; text is rendered as React text, never as HTML. */
export const RichText = memo(function RichText({ text, as = 'p', className }: RichTextProps) {
  const parts = useMemo(() => splitRichText(text), [text]);
  const Tag = as;
  return (
    <Tag className={className}>
      {parts.map((p, i) =>
        p.kind === 'text' ? <span key={i}>{p.text}</span> : <Tex key={i} tex={p.tex} />,
      )}
    </Tag>
  );
});

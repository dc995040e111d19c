import 'katex/dist/katex.min.css';
import { memo, useMemo } from 'react';
import { renderTex } from './renderTex';

/** Props of `Tex`. */
export interface TexProps {
  /** The TeX source; colour symbols with `sym()` from `./sym`. */
  tex: string;
  /** Display (block, centred) instead of inline. */
  display?: boolean;
  className?: string;
}

/** KaTeX-rendered TeX; output is memoized by source, so unchanged formulas never re-render. */
export const Tex = memo(function Tex({ tex, display = false, className }: TexProps) {
  const html = useMemo(() => renderTex(tex, display), [tex, display]);
  const cls = display ? 'tex tex-display' : 'tex tex-inline';
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      className={className ? `${cls} ${className}` : cls}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});

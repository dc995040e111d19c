import { memo, useMemo } from 'react';
import type { FormulaDef, Lang, Values } from './types';
import { Tex } from '../tex/Tex';
import { workedBefore } from './answer';

/** Props of `WorkedExample`. */
export interface WorkedExampleProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>;
  values: Values;
  result: unknown;
  lang: Lang;
  /**
   * While predicting: the first line hidden (an index, negative from the end; see
   * `CardAnswer.hideFrom`), replaced with `hiddenLine`. Undefined shows every line.
   */
  hideFrom?: number;
  /** What stands in place of the hidden lines ("? — make your guess"). */
  hiddenLine?: string;
}

function workedTex(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>,
  values: Values,
  result: unknown,
  lang: Lang,
): string | null {
  try {
    return def.worked(values, result, lang);
  } catch {
    return null;
  }
}

/** The formula with the given values substituted and the result, in KaTeX. */
export const WorkedExample = memo(function WorkedExample({
  def,
  values,
  result,
  lang,
  hideFrom,
  hiddenLine,
}: WorkedExampleProps) {
  const tex = useMemo(() => workedTex(def, values, result, lang), [def, values, result, lang]);
  if (tex === null) return null;
  if (hideFrom === undefined) return <Tex tex={tex} display className="worked-tex" />;
  const before = workedBefore(tex, hideFrom);
  return (
    <>
      {before !== null && <Tex tex={before} display className="worked-tex" />}
      <p className="worked-hidden">{hiddenLine}</p>
    </>
  );
});

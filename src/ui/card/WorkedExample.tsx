import { memo, useMemo } from 'react';
import type { FormulaDef, Lang, Values } from './types';
import { Tex } from '../tex/Tex';

/** Props of `WorkedExample`. */
export interface WorkedExampleProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>;
  values: Values;
  result: unknown;
  lang: Lang;
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
}: WorkedExampleProps) {
  const tex = useMemo(() => workedTex(def, values, result, lang), [def, values, result, lang]);
  if (tex === null) return null;
  return <Tex tex={tex} display className="worked-tex" />;
});

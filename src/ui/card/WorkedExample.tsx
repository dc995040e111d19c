import { useMemo } from 'react';
import type { FormulaDef, Lang, Values } from './types';
import { Tex } from '../tex/Tex';
import { useAfterPaint } from './useAfterPaint';

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

/**
 * The formula with the current values substituted. It follows the slider
 * once it rests, after the plot has painted (see `useAfterPaint`), so the
 * plot repaints within the frame of each input and the KaTeX layout never
 * delays the next one.
 */
export function WorkedExample({ def, values, result, lang }: WorkedExampleProps) {
  const shown = useAfterPaint(useMemo(() => ({ values, result }), [values, result]));
  const tex = useMemo(() => workedTex(def, shown.values, shown.result, lang), [def, shown, lang]);
  if (tex === null) return null;
  return <Tex tex={tex} display className="worked-tex" />;
}

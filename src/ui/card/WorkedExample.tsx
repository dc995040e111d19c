import type { FormulaDef, Lang, Values } from '../../formulas/types';
import { Tex } from '../tex/Tex';

/** Props of `WorkedExample`. */
export interface WorkedExampleProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>;
  values: Values;
  result: unknown;
  lang: Lang;
}

/** The formula with the current values substituted, re-rendered on every slider move. */
export function WorkedExample({ def, values, result, lang }: WorkedExampleProps) {
  let tex: string;
  try {
    tex = def.worked(values, result, lang);
  } catch {
    return null;
  }
  return <Tex tex={tex} display className="worked-tex" />;
}

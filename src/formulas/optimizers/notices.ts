import type { Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { runNotice } from '../optimization/words';
import type { RaceResult } from './model';

const WORDS = bilingual({
  en: {
    why: 'Its steps overshoot more than they descend: try a smaller learning rate.',
  },
  'zh-TW': {
    why: '它的步伐越過谷底的距離比下降的還多：試試較小的學習率。',
  },
});

/** What each run's end means (diverged, stuck at a saddle), named by its racer; converged runs say nothing. */
export function raceNotices(
  r: RaceResult,
  lang: Lang,
): { key: string; kind: 'diverged' | 'saddle'; text: string }[] {
  const out: { key: string; kind: 'diverged' | 'saddle'; text: string }[] = [];
  for (const x of r.runs) {
    const n = runNotice(x.run, lang, x.run.status === 'diverged' ? WORDS[lang].why : '');
    if (!n || n.kind === 'converged') continue;
    out.push({
      key: x.racer.id,
      kind: n.kind,
      text: `${x.racer.label[lang]}${lang === 'en' ? ' — ' : '——'}${n.text}`,
    });
  }
  return out;
}

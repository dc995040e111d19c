import type { Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';

const WORDS = bilingual({
  en: { clamped: 'The start lay outside this landscape’s window and was moved to its edge.' },
  'zh-TW': { clamped: '起點落在這個地形的範圍之外，已移到邊界上。' },
});

/** Says in words how a run ended (diverged, stuck at a saddle, converged) under the plot. */
export function RunNotice({
  notice,
  clamped = false,
  lang,
}: {
  notice: { kind: string; text: string } | null;
  clamped?: boolean;
  lang: Lang;
}) {
  if (!notice && !clamped) return null;
  return (
    <div className="opt-notices">
      {notice && (
        <p className={`opt-notice is-${notice.kind}`} data-status={notice.kind}>
          {notice.text}
        </p>
      )}
      {clamped && <p className="opt-notice is-clamped">{WORDS[lang].clamped}</p>}
    </div>
  );
}

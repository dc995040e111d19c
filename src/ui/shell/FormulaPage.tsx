import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SECTION_TITLES, type RegistryEntry } from '../../formulas/registry';
import type { FormulaDef, Values } from '../card/types';
import { Card } from '../card/Card';
import { useLang } from '../i18n';
import { RichText } from '../tex/RichText';
import { endFirstPass } from '../prerender/hydration';
import { parseParams, mergeSearch } from '../url/params';
import { useUrlWriter } from '../url/useUrlWriter';
import { PrevNext } from './PrevNext';
import { Related } from './Related';
import { UrlNotices } from './UrlNotices';
import { PrintLink } from '../share/PrintLink';
import { useDocumentTitle } from './useDocumentTitle';
import { useEmbedded } from './embed';
import { EmbedHead } from './EmbedHead';
import { AddToLesson } from '../lesson/AddToLesson';
import { parsePins, withPins, type Pin } from '../card/pins';

/** Props of `FormulaPage`. */
export interface FormulaPageProps {
  entry: RegistryEntry;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>;
}

/**
 * One formula page: title, intro, the live card (values read from and written
 * to the query string), body prose, related formulas and previous/next.
 */
export function FormulaPage({ entry, def }: FormulaPageProps) {
  const { lang } = useLang();
  const [parsed] = useState(() => {
    const query = new URLSearchParams(typeof window === 'undefined' ? '' : window.location.search);
    const values = parseParams(def.params, query);
    const pins = parsePins(def, query);
    return {
      values: values.values,
      pins: pins.pins,
      notices: [...values.notices, ...pins.notices],
    };
  });
  const write = useUrlWriter();
  // the values shown now, for the related links that carry shared quantities, and the pins
  const current = useRef<Values>(parsed.values);
  const pins = useRef<readonly Pin[]>(parsed.pins);
  // one writer, one pending write: each write carries both the values and the pins
  const writeAll = useCallback(
    () =>
      write((search) =>
        withPins(mergeSearch(search, def.params, current.current), def.params, pins.current),
      ),
    [write, def],
  );
  const onValuesChange = useCallback(
    (values: Values) => {
      current.current = values;
      writeAll();
    },
    [writeAll],
  );
  const onPinsChange = useCallback(
    (next: readonly Pin[]) => {
      pins.current = next;
      writeAll();
    },
    [writeAll],
  );
  const lessonQuery = useCallback(
    () =>
      withPins(mergeSearch('', def.params, current.current), def.params, pins.current).replace(
        /^\?/,
        '',
      ),
    [def],
  );
  const from = useMemo(() => ({ params: def.params, values: () => current.current }), [def]);
  const title = entry.title[lang];
  useDocumentTitle(title);
  // the page is hydrated (or was never prerendered): renders from now on measure and run KaTeX
  useEffect(endFirstPass, []);
  const embedded = useEmbedded();
  if (embedded) {
    return (
      <article className="formula-page formula-embed" aria-labelledby="page-title">
        <EmbedHead title={title} />
        <UrlNotices notices={parsed.notices} params={def.params} lang={lang} />
        <Card
          def={def}
          initialValues={parsed.values}
          onValuesChange={onValuesChange}
          initialPins={parsed.pins}
          onPinsChange={onPinsChange}
        />
      </article>
    );
  }
  const text = def.text[lang];
  return (
    <article className="formula-page" aria-labelledby="page-title">
      <div className="page-head">
        <p className="page-section">{SECTION_TITLES[entry.section][lang]}</p>
        <h1 id="page-title">{title}</h1>
      </div>
      <UrlNotices notices={parsed.notices} params={def.params} lang={lang} />
      <div className="prose prose-intro">
        <RichText text={text.intro} />
      </div>
      <Card
        def={def}
        initialValues={parsed.values}
        onValuesChange={onValuesChange}
        initialPins={parsed.pins}
        onPinsChange={onPinsChange}
      />
      <AddToLesson page={entry.id} query={lessonQuery} />
      <div className="prose prose-body">
        {text.body.map((p, i) => (
          <RichText key={i} text={p} />
        ))}
      </div>
      <div className="page-links">
        <Related ids={entry.related} from={from} />
        <PrevNext id={entry.id} />
      </div>
      <PrintLink />
    </article>
  );
}

import { memo, useId, type ChangeEvent } from 'react';
import type {
  ChoiceParam,
  Lang,
  MatrixParam,
  Param,
  ParamValue,
  ScalarParam,
  SeedParam,
  TimeParam,
  ToggleParam,
  Values,
  VectorParam,
} from './types';
import { useLang } from '../i18n';
import { sym } from '../tex/sym';
import { Tex } from '../tex/Tex';
import { SeedControl } from './SeedControl';
import { Slider } from './Slider';
import { TimeControl } from './TimeControl';
import { defaultEntry, maxLength, optionsBelow, timeMax } from './values';

/** Sets a whole value (`row`/`col` absent) or one entry of a vector (`row`) or matrix (`row`, `col`). */
export type SetValue = (name: string, value: ParamValue, row?: number, col?: number) => void;

/** Props shared by every param row. */
interface RowProps<P extends Param> {
  param: P;
  value: ParamValue;
  lang: Lang;
  /** This param is highlighted (hover/focus here, on its TeX symbol or in the plot). */
  active: boolean;
  onSet: SetValue;
  onHighlight: (name: string | null) => void;
  /** For a choice with a `limit`: the current value of the limiting param. */
  limitValue?: ParamValue;
  /** For a time param: its last step under the current values. */
  timeMax?: number;
  /** Not used at the current values (`activeWhen`): when it is, in words; the control is disabled. */
  inactive?: string;
}

/** The param's symbol in its slot colour (hidden from the accessible name, which uses the words). */
function ParamSymbol({ param }: { param: Param }) {
  return (
    <span aria-hidden="true">
      <Tex tex={param.slot ? sym(param.slot, param.tex) : param.tex} className="param-symbol" />
    </span>
  );
}

/** A param's colour swatch, symbol and name: the title of its row. */
function ParamTitle({ param, name }: { param: Param; name: string }) {
  return (
    <>
      <span className="param-swatch" aria-hidden="true" />
      <ParamSymbol param={param} />
      <span className="param-name">{name}</span>
    </>
  );
}

/** True when an item label looks like TeX rather than plain text. */
function looksLikeTex(s: string): boolean {
  return /[\\^_{}]/.test(s);
}

/** Label of vector entry / matrix row i: the author's label, or `tex_{i+1}`. */
function EntryLabel({ tex, label }: { tex: string; label?: string }) {
  if (label === undefined) return <Tex tex={tex} />;
  return looksLikeTex(label) ? <Tex tex={label} /> : <span>{label}</span>;
}

function RowShell({
  param,
  active,
  onHighlight,
  children,
  className,
  inactive,
}: {
  param: Param;
  active: boolean;
  onHighlight: (name: string | null) => void;
  children: React.ReactNode;
  className: string;
  inactive?: string;
}) {
  return (
    <div
      className={`param-row ${className}${param.slot ? ` sym-${param.slot}` : ''}`}
      data-active={active ? '' : undefined}
      data-inactive={inactive ? '' : undefined}
      data-param={param.name}
      onMouseEnter={() => onHighlight(param.name)}
      onMouseLeave={() => onHighlight(null)}
      onFocus={() => onHighlight(param.name)}
      onBlur={() => onHighlight(null)}
    >
      {param.activeWhen ? (
        // a disabled fieldset disables every control inside it; it draws no box of its own
        <fieldset className="param-when" disabled={inactive !== undefined}>
          {children}
          {inactive && <p className="param-note">{inactive}</p>}
        </fieldset>
      ) : (
        children
      )}
    </div>
  );
}

function ScalarRow({
  param,
  value,
  lang,
  active,
  onSet,
  onHighlight,
  inactive,
}: RowProps<ScalarParam>) {
  const id = useId();
  const name = param.label[lang];
  return (
    <RowShell
      param={param}
      active={active}
      onHighlight={onHighlight}
      className="param-scalar"
      inactive={inactive}
    >
      <label className="param-label" htmlFor={`${id}-range`}>
        <ParamTitle param={param} name={name} />
      </label>
      <Slider
        id={`${id}-range`}
        param={param}
        value={value as number}
        spoken={name}
        onSet={onSet}
      />
    </RowShell>
  );
}

/**
 * Indices 0…max−1 of a vector's entries or a matrix's rows. When the length follows
 * another param (attention's token count), entries beyond the current length stay
 * mounted but hidden (at their defaults, which they take when shown again): a tick
 * of the count slider shows or hides a row instead of building and tearing down
 * its inputs.
 */
function slots(param: VectorParam | MatrixParam, current: number): number[] {
  return Array.from({ length: Math.max(current, maxLength(param)) }, (_, i) => i);
}

function VectorRow({ param, value, lang, active, onSet, onHighlight }: RowProps<VectorParam>) {
  const { t } = useLang();
  const v = value as number[];
  const name = param.label[lang];
  return (
    <RowShell param={param} active={active} onHighlight={onHighlight} className="param-vector">
      <fieldset className="param-fieldset">
        <legend className="param-label">
          <ParamTitle param={param} name={name} />
        </legend>
        <div className="vector-entries">
          {slots(param, v.length).map((i) => {
            const shown = i < v.length;
            const x = shown ? v[i] : defaultEntry(param, i);
            const item = param.itemLabel?.(i, lang);
            const spoken =
              item !== undefined && !looksLikeTex(item)
                ? `${name} ${item}`
                : t('card.entry', { label: name, index: i + 1 });
            return (
              <div className="vector-entry" key={i} hidden={!shown}>
                <span className="entry-label" aria-hidden="true">
                  <EntryLabel tex={`{${param.tex}}_{${i + 1}}`} label={item} />
                </span>
                <Slider param={param} value={x} spoken={spoken} onSet={onSet} row={i} compact />
              </div>
            );
          })}
        </div>
      </fieldset>
    </RowShell>
  );
}

function MatrixRow({ param, value, lang, active, onSet, onHighlight }: RowProps<MatrixParam>) {
  const { t } = useLang();
  const m = value as number[][];
  const name = param.label[lang];
  return (
    <RowShell param={param} active={active} onHighlight={onHighlight} className="param-matrix">
      <fieldset className="param-fieldset">
        <legend className="param-label">
          <ParamTitle param={param} name={name} />
        </legend>
        <div className="matrix-grid">
          {slots(param, m.length).map((r) => {
            const shown = r < m.length;
            const row = shown ? m[r] : defaultEntry(param, r);
            const rl = param.rowLabel?.(r, lang);
            return (
              <div
                className="matrix-row"
                key={r}
                hidden={!shown}
                role="group"
                aria-label={
                  rl && !looksLikeTex(rl) ? `${name} ${rl}` : t('card.rowHeader', { row: r + 1 })
                }
                style={{ gridTemplateColumns: `2.5em repeat(${param.cols}, minmax(0, 1fr))` }}
              >
                <span className="entry-label" aria-hidden="true">
                  {rl !== undefined ? <EntryLabel tex="" label={rl} /> : r + 1}
                </span>
                {row.map((x, c) => (
                  <Slider
                    key={c}
                    param={param}
                    value={x}
                    spoken={t('card.cell', { label: name, row: r + 1, col: c + 1 })}
                    onSet={onSet}
                    row={r}
                    col={c}
                    compact
                  />
                ))}
              </div>
            );
          })}
        </div>
      </fieldset>
    </RowShell>
  );
}

function ToggleRow({
  param,
  value,
  lang,
  active,
  onSet,
  onHighlight,
  inactive,
}: RowProps<ToggleParam>) {
  const id = useId();
  const on = value === true;
  return (
    <RowShell
      param={param}
      active={active}
      onHighlight={onHighlight}
      className="param-toggle"
      inactive={inactive}
    >
      <input
        id={id}
        className="toggle-input"
        type="checkbox"
        checked={on}
        onChange={(e) => onSet(param.name, e.target.checked)}
      />
      <label className="param-label" htmlFor={id}>
        <ParamTitle param={param} name={param.label[lang]} />
      </label>
    </RowShell>
  );
}

function ChoiceRow({
  param,
  value,
  lang,
  active,
  onSet,
  onHighlight,
  limitValue,
  inactive,
}: RowProps<ChoiceParam>) {
  const id = useId();
  const options = optionsBelow(param, limitValue);
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const v = Number(e.target.value);
    if (options.some((o) => o.value === v)) onSet(param.name, v);
  };
  return (
    <RowShell
      param={param}
      active={active}
      onHighlight={onHighlight}
      className="param-choice"
      inactive={inactive}
    >
      <label className="param-label" htmlFor={id}>
        <ParamTitle param={param} name={param.label[lang]} />
      </label>
      <select id={id} className="choice-select" value={String(value)} onChange={onChange}>
        {options.map((o) => (
          <option key={o.value} value={String(o.value)}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    </RowShell>
  );
}

function SeedRow({ param, value, lang, active, onSet, onHighlight }: RowProps<SeedParam>) {
  const id = useId();
  const name = param.label[lang];
  return (
    <RowShell param={param} active={active} onHighlight={onHighlight} className="param-seed">
      <label className="param-label" htmlFor={id}>
        <ParamTitle param={param} name={name} />
      </label>
      <SeedControl id={id} param={param} value={value as number} spoken={name} onSet={onSet} />
    </RowShell>
  );
}

function TimeRow({ param, value, lang, active, onSet, onHighlight, timeMax }: RowProps<TimeParam>) {
  const id = useId();
  const name = param.label[lang];
  return (
    <RowShell param={param} active={active} onHighlight={onHighlight} className="param-time">
      <label className="param-label" htmlFor={id}>
        <ParamTitle param={param} name={name} />
      </label>
      <TimeControl
        id={id}
        param={param}
        value={value as number}
        max={timeMax ?? 0}
        spoken={name}
        onSet={onSet}
      />
    </RowShell>
  );
}

/** One param's controls; re-renders only when its own value, language or highlight changes. */
export const ParamRow = memo(function ParamRow(props: RowProps<Param>) {
  switch (props.param.kind) {
    case 'scalar':
      return <ScalarRow {...(props as RowProps<ScalarParam>)} />;
    case 'vector':
      return <VectorRow {...(props as RowProps<VectorParam>)} />;
    case 'matrix':
      return <MatrixRow {...(props as RowProps<MatrixParam>)} />;
    case 'toggle':
      return <ToggleRow {...(props as RowProps<ToggleParam>)} />;
    case 'choice':
      return <ChoiceRow {...(props as RowProps<ChoiceParam>)} />;
    case 'seed':
      return <SeedRow {...(props as RowProps<SeedParam>)} />;
    case 'time':
      return <TimeRow {...(props as RowProps<TimeParam>)} />;
  }
});

/** Props of `ParamControls`. */
export interface ParamControlsProps {
  params: readonly Param[];
  values: Values;
  lang: Lang;
  highlight: string | null;
  onSet: SetValue;
  onHighlight: (name: string | null) => void;
}

/** The controls of every param of a card, in declaration order. */
export function ParamControls({
  params,
  values,
  lang,
  highlight,
  onSet,
  onHighlight,
}: ParamControlsProps) {
  const { t } = useLang();
  // when a param with `activeWhen` is used, in words, while it is not
  const inactive = (p: Param): string | undefined => {
    const when = p.activeWhen;
    if (!when || values[when.param] === when.value) return undefined;
    const by = params.find((q) => q.name === when.param);
    if (!by) return undefined;
    const value =
      by.kind === 'choice'
        ? (by.options.find((o) => o.value === when.value)?.label[lang] ?? String(when.value))
        : typeof when.value === 'boolean'
          ? t(when.value ? 'card.on' : 'card.off')
          : String(when.value);
    return t('card.usedWhen', { param: by.label[lang], value });
  };
  return (
    <div className="param-list">
      {params
        .filter((p) => !p.inPlot)
        .map((p) => (
          <ParamRow
            key={p.name}
            param={p}
            value={values[p.name]}
            lang={lang}
            active={highlight === p.name}
            onSet={onSet}
            onHighlight={onHighlight}
            limitValue={p.kind === 'choice' && p.limit ? values[p.limit.param] : undefined}
            timeMax={p.kind === 'time' ? timeMax(p, values) : undefined}
            inactive={inactive(p)}
          />
        ))}
    </div>
  );
}

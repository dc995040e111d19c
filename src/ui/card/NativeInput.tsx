import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Attribute values of a `NativeInput`; `undefined` removes the attribute. */
export type InputAttrs = Readonly<Record<string, string | number | undefined>>;

/** Native listeners of a `NativeInput`, by event type. */
export type InputListeners = Partial<
  Record<
    'input' | 'change' | 'keydown' | 'keyup' | 'pointermove' | 'mousemove' | 'blur',
    (e: Event) => void
  >
>;

/** Props of `NativeInput`. */
export interface NativeInputProps {
  /** Attributes (type, min, max, aria-*, …), written when they change. */
  attrs: InputAttrs;
  /** The value the input starts with; later values are written through `inputRef`. */
  initialValue: string;
  /** Listeners; the latest ones are called, so they need no stable identity. */
  on: InputListeners;
  /** Receives the element. */
  inputRef: RefObject<HTMLInputElement | null>;
}

const EVENTS = ['input', 'change', 'keydown', 'keyup', 'pointermove', 'mousemove', 'blur'] as const;

function writeAttrs(el: HTMLInputElement, attrs: InputAttrs) {
  for (const [name, v] of Object.entries(attrs)) {
    const next = v === undefined ? null : String(v);
    if (el.getAttribute(name) === next) continue;
    if (next === null) el.removeAttribute(name);
    else el.setAttribute(name, next);
  }
}

/**
 * An `<input>` that React mounts once and never re-renders. React rewrites the
 * `name` and `type` of every `<input>` it renders, on each commit of any of its
 * props and again after each of its change events. On a slider that happens at
 * every tick, and Chromium then restyles the slider and lays it out again. Here
 * only what changed is written: a changed attribute, and the value (by the
 * caller, through `inputRef`). The element sits in a block span, which lets the
 * input be a relayout boundary (see `.native-input` in card.css).
 */
export function NativeInput({ attrs, initialValue, on, inputRef }: NativeInputProps) {
  const host = useRef<HTMLSpanElement>(null);
  const listeners = useRef(on);
  useLayoutEffect(() => {
    listeners.current = on;
  });
  useLayoutEffect(() => {
    const el = document.createElement('input');
    writeAttrs(el, attrs); // type, min, max and step before the value, which they bound
    el.value = initialValue;
    const bound = EVENTS.map((type) => {
      const listener = (e: Event) => listeners.current[type]?.(e);
      el.addEventListener(type, listener);
      return [type, listener] as const;
    });
    host.current?.append(el);
    inputRef.current = el;
    return () => {
      for (const [type, listener] of bound) el.removeEventListener(type, listener);
      el.remove();
      if (inputRef.current === el) inputRef.current = null;
    };
    // The element is built once; later attrs are written by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useLayoutEffect(() => {
    if (inputRef.current) writeAttrs(inputRef.current, attrs);
  });
  return <span ref={host} className="native-input" />;
}

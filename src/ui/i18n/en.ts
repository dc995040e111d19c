/**
 * Interface strings of the app shell and the card framework, in English.
 * Page prose lives in each page's `def.text`; titles and teasers in the registry.
 * `{{name}}` marks an interpolated value.
 */
export const en = {
  app: {
    name: 'LLM Math Explorer',
    tagline: 'Every formula behind large language models, as a live card.',
    titleSuffix: 'LLM Math Explorer',
  },
  header: {
    skip: 'Skip to main content',
    home: 'Home',
    nav: 'Main',
    switchLanguage: '中文',
    switchLanguageLabel: 'Switch the interface to Traditional Chinese',
    darkTheme: 'Dark theme',
    present: 'Present',
    presentLabel: 'Presentation mode (P)',
    exitPresent: 'Exit presentation (Esc)',
  },
  footer: {
    text: 'Drag a slider, type a value, or share the link: every value lives in the address bar.',
    keys: 'Keys: P toggles presentation mode; in presentation, ← → or PageUp/PageDown change formula, Esc leaves.',
  },
  home: {
    heading: 'The math behind large language models',
    intro:
      'Each formula is a live card: move a slider and the formula, a worked example with your numbers and the plot change together. Follow the links from formula to formula.',
    comingSoon: 'coming soon',
    builtCount: '{{built}} of {{total}} formulas are ready.',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no page at “{{path}}”.',
    builtHeading: 'Formulas you can open now',
    backHome: 'Back to the home page',
  },
  comingSoon: {
    title: '{{title}}: coming soon',
    text: 'This card is not built yet. Meanwhile, these formulas are ready:',
  },
  page: {
    related: 'Related formulas',
    prevNext: 'Previous and next formula',
    prev: 'Previous',
    next: 'Next',
    loading: 'Loading the formula…',
    loadError: 'This formula could not be loaded. Check your connection and reload the page.',
    comingSoon: 'coming soon',
  },
  card: {
    label: 'Interactive card',
    formula: 'Formula',
    worked: 'Worked example',
    controls: 'Parameters',
    plot: 'Plot',
    showData: 'Show data',
    reset: 'Reset',
    resetLabel: 'Reset all values to their defaults',
    presets: 'Try',
    presetApplied: 'Applied “{{label}}”.',
    computeError: 'These values cannot be computed ({{message}}). Move a slider or press Reset.',
    cardError: 'Something went wrong in this card.',
    resetCard: 'Reset this card',
    on: 'on',
    off: 'off',
    exact: '{{label}}, exact value',
    entry: '{{label}} {{index}}',
    cell: '{{label}}, row {{row}}, column {{col}}',
    rowHeader: 'row {{row}}',
    colHeader: 'column {{col}}',
    clampedBelow: '{{input}} is below the minimum {{min}}; set to {{value}}.',
    clampedAbove: '{{input}} is above the maximum {{max}}; set to {{value}}.',
    invalid: 'Type a number between {{min}} and {{max}}.',
  },
  seed: {
    value: '{{label}}, seed number',
    newSeed: 'New seed',
    newSeedLabel: 'New seed for {{label}}',
    invalid: 'Type a whole number from {{min}} to {{max}}.',
    changed: 'New seed: {{value}}.',
  },
  player: {
    group: '{{label}}: playback',
    play: 'Play',
    pause: 'Pause',
    stepForward: 'Step forward',
    stepBack: 'Step back',
    reset: 'Back to step 0',
    speed: 'Speed',
    speedOption: '{{speed}} steps/s',
    stepOf: 'step {{step}} of {{max}}',
    scrubber: '{{label}}, step',
    playing: 'Playing.',
    paused: 'Paused at step {{step}} of {{max}}.',
    finished: 'Reached the last step, {{max}}.',
    keys: 'Space plays or pauses, . steps forward, , steps back.',
  },
  url: {
    heading: 'Some values in the link were adjusted:',
    invalid: '{{name}}: “{{raw}}” is not a valid value; using the default.',
    clamped: '{{name}}: {{raw}} is outside {{min}} to {{max}}; set to {{value}}.',
    tooMany: '{{name}}: expected {{expected}} entries, got {{got}}; extra entries dropped.',
    tooFew:
      '{{name}}: expected {{expected}} entries, got {{got}}; missing entries use the defaults.',
    entryInvalid: '{{name}}: entry {{index}} (“{{raw}}”) is not a number; using the default.',
    dismiss: 'Dismiss',
  },
  share: {
    button: 'QR code',
    title: 'Open this card on a phone',
    hint: 'Scan the code: it opens this formula with the values shown now.',
    alt: 'QR code of the link {{url}}',
    making: 'Making the code…',
    failed: 'The QR code could not be made here; the link below opens the same card.',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyRefused: 'This browser does not let the page copy here: select the link above and copy it.',
    close: 'Close',
  },
  offline: {
    ready: 'Works offline: on this device, every formula page opens without a network connection.',
    update: 'A new version of the explorer is ready.',
    reload: 'Reload',
    later: 'Later',
  },
} as const;

/** Replaces every string leaf of a nested object type with `string`. */
type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language's shell strings must have. */
export type ShellStrings = Strings<typeof en>;

import { formatFixed } from '../../plots/formatNumber';
import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { MAX_TESTS, PARAMS, PEOPLE, TOPICS, computeBayes, sentenceText } from './model';
import type { BayesResult } from './model';
import { BayesPlot, oddsText, percent } from './BayesPlot';
import { TEXT } from './text';
import { bayesCode } from './code';

const PD = sym(1, 'P(D)');
const SENS = sym(2, 'P(+ \\mid D)');
const FPR = sym(3, 'P(+ \\mid \\neg D)');
const POST = sym(4, 'P(D \\mid +)');

/** Bayes' theorem for a positive test, and its odds form. */
const TEX =
  `\\begin{gathered} ${POST} = \\frac{${SENS}\\,${PD}}{P(+)} \\\\ P(+) = ${SENS}\\,${PD} \\\\ \\quad {} + ${FPR}\\,(1 - ${PD})` +
  ` \\\\ \\frac{${POST}}{1 - ${POST}} = \\frac{${PD}}{1 - ${PD}} \\cdot \\frac{${SENS}}{${FPR}} \\end{gathered}`;

/** TeX for a percentage as the plot writes it. */
const texPercent = (p: number) => percent(p).replace('%', '\\%');

const WORDS = bilingual({
  en: {
    sep: ', ',
    odds: 'odds',
    topic: 'topic',
    natural: (tp: number, pos: number) => `\\text{${tp} of the ${pos} who test positive}`,
    summary0: (ill: number, prior: string) =>
      `Icon array of ${PEOPLE} people before any test: ${ill} are ill (prior ${prior}).`,
    summary: (k: number, c: BayesResult['counts'], prior: string, post: string) =>
      `Icon array of ${PEOPLE} people at test ${k}, starting from P(ill) = ${prior}: ${c.truePos} ill and positive, ${c.falseNeg} ill and negative, ${c.falsePos} healthy and positive, ${c.trueNeg} healthy and negative. So ${c.truePos} of the ${c.positive} who test positive are ill: P(ill | +) = ${post}.`,
    walk: (lr: string, list: string) =>
      ` Each positive test multiplies the odds by the likelihood ratio ${lr}; after tests 1 to ${MAX_TESTS} the posterior is ${list}.`,
    topics: (sentence: string, list: string) =>
      ` Naive Bayes reading “${sentence}”: the posterior over the topics after the last word is ${list}.`,
    caption: 'Positive tests one after another, then the topic posterior word by word',
    columns: ['stage', 'evidence', 'likelihoods', 'prior', 'posterior'],
    priorStage: 'topics before reading',
    test: (i: number) => `test ${i}`,
    word: (i: number) => `word ${i}`,
    positive: 'positive',
    lik: (s: string, f: string) => `P(+|ill) ${s}, P(+|healthy) ${f}`,
  },
  'zh-TW': {
    sep: '、',
    odds: '勝算',
    topic: '主題',
    natural: (tp, pos) => `\\text{${pos} 位陽性中的 ${tp} 位}`,
    summary0: (ill, prior) =>
      `${PEOPLE} 人的圖示陣列，尚未檢驗：${ill} 人患病（先驗機率 ${prior}）。`,
    summary: (k, c, prior, post) =>
      `${PEOPLE} 人的圖示陣列，第 ${k} 次檢驗，從 P(患病) = ${prior} 出發：患病且陽性 ${c.truePos} 人、患病但陰性 ${c.falseNeg} 人、健康卻陽性 ${c.falsePos} 人、健康且陰性 ${c.trueNeg} 人。所以 ${c.positive} 位陽性的人之中有 ${c.truePos} 位患病：P(患病 | +) = ${post}。`,
    walk: (lr, list) =>
      `每一次陽性都把勝算乘上似然比 ${lr}；第 1 到第 ${MAX_TESTS} 次檢驗後的後驗機率依序為 ${list}。`,
    topics: (sentence, list) =>
      `以單純貝氏閱讀「${sentence}」：讀完最後一個詞後，各主題的後驗機率為 ${list}。`,
    caption: '一次接一次的陽性檢驗，以及逐字更新的主題後驗機率',
    columns: ['階段', '證據', '似然', '先驗', '後驗'],
    priorStage: '閱讀之前的主題',
    test: (i) => `第 ${i} 次檢驗`,
    word: (i) => `第 ${i} 個詞`,
    positive: '陽性',
    lik: (s, f) => `P(+|患病) ${s}、P(+|健康) ${f}`,
  },
});

function worked(sens: number, fpr: number, r: BayesResult, lang: Lang): string {
  const words = WORDS[lang];
  const lines: string[] = [];
  if (r.k > 0) {
    const s = r.steps[r.k - 1];
    const num = sens * s.prior;
    const den = num + fpr * (1 - s.prior);
    lines.push(
      `P(+) &= ${texNum(sens, 2)} \\cdot ${texNum(s.prior, 4)} + ${texNum(fpr, 3)} \\cdot ${texNum(1 - s.prior, 4)} = ${texNum(den, 4)}`,
      `${POST} &= \\frac{${texNum(num, 4)}}{${texNum(den, 4)}} = ${texPercent(s.posterior)} \\approx \\tfrac{${r.counts.truePos}}{${r.counts.positive}}`,
      `&\\phantom{=}\\ ${words.natural(r.counts.truePos, r.counts.positive)}`,
      `\\text{${words.odds}} &= ${oddsText(s.priorOdds).replace(/ : /, '{:}')} \\times ${texNum(r.lr, 2)} = ${oddsText(s.posteriorOdds).replace(/ : /, '{:}')}`,
      `\\ln \\text{${words.odds}} &= ${texNum(s.priorLogOdds, 2)} + ${texNum(r.logLr, 2)} = ${texNum(s.posteriorLogOdds, 2)}`,
    );
  } else {
    lines.push(`${PD} &= ${texPercent(r.current)}\\ (${r.counts.ill}/${PEOPLE})`);
  }
  const last = r.topics[lang][r.topics[lang].length - 1].posterior;
  const topics = TOPICS[lang]
    .map((t, i) => `${sym(5, `\\text{${t}}`)}\\ ${texPercent(last[i])}`)
    .join(',\\ ');
  lines.push(
    `P(\\text{${words.topic}} \\mid w_{1..n}) &\\propto \\tfrac13 \\textstyle\\prod_i P(w_i \\mid \\text{${words.topic}})`,
    `&= ${topics}`,
  );
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

function summary(r: BayesResult, lang: Lang): string {
  const words = WORDS[lang];
  const head =
    r.k === 0
      ? words.summary0(r.counts.ill, percent(r.current, lang))
      : words.summary(r.k, r.counts, percent(r.current, lang), percent(r.belief, lang));
  const walk = words.walk(
    formatFixed(r.lr, 2, lang),
    r.steps.map((s) => percent(s.posterior, lang)).join(words.sep),
  );
  const last = r.topics[lang][r.topics[lang].length - 1].posterior;
  const topics = words.topics(
    sentenceText(lang, r.sentence),
    TOPICS[lang].map((t, i) => `${t} ${percent(last[i], lang)}`).join(words.sep),
  );
  return head + walk + topics;
}

const round = (x: number) => Number(x.toPrecision(4));

function table(sens: number, fpr: number, r: BayesResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  const rows: (string | number)[][] = r.steps.map((s, i) => [
    words.test(i + 1),
    words.positive,
    words.lik(formatFixed(sens, 2, lang), formatFixed(fpr, 3, lang)),
    round(s.prior),
    round(s.posterior),
  ]);
  const topics = TOPICS[lang];
  const dist = (p: readonly number[]) =>
    topics.map((t, i) => `${t} ${formatFixed(p[i], 3, lang)}`).join(words.sep);
  const steps = r.topics[lang];
  steps.forEach((st, i) => {
    if (i === 0) {
      rows.push([words.priorStage, '—', '—', '—', dist(st.posterior)]);
      return;
    }
    rows.push([
      words.word(i),
      st.word ?? '',
      dist(st.likelihood ?? []),
      dist(steps[i - 1].posterior),
      dist(st.posterior),
    ]);
  });
  return { caption: words.caption, columns: [...words.columns], rows };
}

export default defineFormula({
  id: 'bayes',
  tex: TEX,
  params: PARAMS,
  compute: computeBayes,
  worked: (v, r, lang) => worked(v.sens, v.fpr, r, lang),
  Plot: BayesPlot,
  interactivePlot: true,
  answer: (_v, r, lang) => ({
    label:
      r.k > 0
        ? lang === 'en'
          ? `the chance of the disease after ${r.k} positive test${r.k > 1 ? 's' : ''}, in %`
          : `${r.k} 次檢驗呈陽性後患病的機率（%）`
        : lang === 'en'
          ? 'the chance of the disease before any test, in %'
          : '檢驗前患病的機率（%）',
    tex: r.k > 0 ? POST : PD,
    value: r.belief * 100,
    unit: '%',
    hideFrom: r.k > 0 ? 1 : 0,
  }),
  summary: (_v, r, lang) => summary(r, lang),
  table: (v, r, lang) => table(v.sens, v.fpr, r, lang),
  presets: [
    {
      id: 'base-rate',
      label: { en: 'rare condition, accurate test', 'zh-TW': '罕見疾病、準確的檢驗' },
      values: { prior: 0.001, sens: 0.99, fpr: 0.01, tests: 1 },
      note: {
        en: 'A 99% accurate test for a 1-in-1000 condition: of about 11 positives only 1 is ill, so a positive means 9%. The healthy are so many that their 1% of false alarms outnumbers every true case.',
        'zh-TW':
          '準確率 99% 的檢驗，用在千分之一的罕見疾病上：約 11 位陽性之中只有 1 位真的患病，陽性代表的患病機率只有 9%。健康的人太多，他們 1% 的誤報就超過了所有真正的病例。',
      },
    },
    {
      id: 'test-again',
      label: { en: 'test again: three positives', 'zh-TW': '再驗兩次：三次陽性' },
      values: { prior: 0.001, sens: 0.99, fpr: 0.01, tests: 3 },
      note: {
        en: 'The same rare condition, three positive tests in a row (independent errors): each multiplies the odds by 99, and 9% becomes 91% and then 99.9%.',
        'zh-TW':
          '同樣的罕見疾病，連續三次陽性（誤差彼此獨立）：每一次都把勝算乘上 99，9% 變成 91%，再變成 99.9%。',
      },
    },
    {
      id: 'common-condition',
      label: { en: 'common condition', 'zh-TW': '常見疾病' },
      values: { prior: 0.3, sens: 0.9, fpr: 0.09, tests: 1 },
      note: {
        en: 'With a prior of 30% the same test is convincing: 270 of the 333 positives are ill, 81%. The prior matters as much as the test.',
        'zh-TW':
          '先驗機率 30% 時，同一個檢驗就很有說服力：333 位陽性中有 270 位患病，81%。先驗機率和檢驗本身一樣重要。',
      },
    },
    {
      id: 'useless-test',
      label: { en: 'uninformative test', 'zh-TW': '沒有資訊的檢驗' },
      values: { prior: 0.05, sens: 0.5, fpr: 0.5, tests: 2 },
      note: {
        en: 'Positive as often for the ill as for the healthy: the likelihood ratio is 1, the log-odds do not move, and the posterior stays at the prior however often you test.',
        'zh-TW':
          '患病與健康的人一樣常驗出陽性：似然比為 1，對數勝算不動，不論驗幾次，後驗機率都停在先驗機率。',
      },
    },
  ],
  code: bayesCode,
  text: TEXT,
});

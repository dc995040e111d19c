import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyInt, pyList, pyStr } from '../../ui/card/code';
import { SENTENCES, TOPICS } from './model';
import type { BayesResult, BayesValues } from './model';

/**
 * NumPy and PyTorch code of the card: the belief after k positive tests, one Bayes update
 * each, and the topic posterior of the English sentence, word by word.
 */
export function bayesCode(values: BayesValues, r: BayesResult): CodeSnippets {
  const words = SENTENCES.en[r.sentence];
  const likelihood = (open: string, close: string) => [
    `# P(word | topic) for the topics ${TOPICS.en.join(', ')}`,
    'likelihood = {',
    ...words.map((w) => `    ${pyStr(w.word)}: ${open}${pyList(w.likelihood)}${close},`),
    '}',
  ];
  const given = [
    `prior = ${py(values.prior)}  # P(D), before any test`,
    `sens = ${py(values.sens)}  # P(+ | D)`,
    `fpr = ${py(values.fpr)}  # P(+ | not D)`,
    `k = ${pyInt(r.k)}  # positive tests in a row`,
    '',
    'belief = prior',
    'posteriors = []',
    'for _ in range(k):',
    '    belief = sens * belief / (sens * belief + fpr * (1 - belief))',
    '    posteriors.append(belief)',
    '',
  ];
  const print =
    'print(json.dumps({"belief": float(belief), "posteriors": [float(b) for b in posteriors], "topics": topics.tolist()}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...given,
      ...likelihood('np.array(', ')'),
      'topics = np.full(3, 1 / 3)  # uniform before the first word',
      'for word, lik in likelihood.items():',
      '    topics = topics * lik / np.sum(topics * lik)',
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      ...given,
      ...likelihood('torch.tensor(', ', dtype=torch.float64)'),
      'topics = torch.full((3,), 1 / 3, dtype=torch.float64)  # uniform before the first word',
      'for word, lik in likelihood.items():',
      '    topics = topics * lik / torch.sum(topics * lik)',
      '',
      print,
    ),
  };
}

import type { Bilingual, FormulaDef } from '../ui/card/types';

/** The sections of the home page, in the order of the study notes. */
export const SECTIONS = [
  'linear-algebra',
  'probability',
  'calculus',
  'information-theory',
  'neural-networks',
  'attention-transformer',
  'losses',
  'activations',
  'optimizers',
  'softmax',
  'learning-rate',
  'regularization',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<SectionId, Bilingual> = {
  'linear-algebra': { en: 'Linear algebra', 'zh-TW': '線性代數' },
  probability: { en: 'Probability and statistics', 'zh-TW': '機率論與統計' },
  calculus: { en: 'Calculus', 'zh-TW': '微積分' },
  'information-theory': { en: 'Information theory', 'zh-TW': '資訊理論' },
  'neural-networks': { en: 'Neural networks', 'zh-TW': '神經網路' },
  'attention-transformer': {
    en: 'Attention and the Transformer',
    'zh-TW': '注意力機制與 Transformer',
  },
  losses: { en: 'Loss functions', 'zh-TW': '損失函數' },
  activations: { en: 'Activation functions', 'zh-TW': '激活函數' },
  optimizers: { en: 'Optimizers', 'zh-TW': '優化器' },
  softmax: { en: 'Softmax', 'zh-TW': 'Softmax 函數' },
  'learning-rate': { en: 'Learning rate', 'zh-TW': '學習率' },
  regularization: { en: 'Regularization', 'zh-TW': '正則化' },
};

/** One formula page: where it sits, what it is called, and how to load it. */
export interface RegistryEntry {
  id: string;
  section: SectionId;
  title: Bilingual;
  teaser: Bilingual;
  /**
   * Ids of related formula pages, listed on the page and drawn as the home page's map. Kept here,
   * not in the page's code, so the home page reads every link without loading a page.
   */
  related: readonly string[];
  /** Present once the page is built; pages without it are listed as coming. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  load?: () => Promise<{ default: FormulaDef<any> }>;
}

/** Every formula page, in the notes' order. Previous/next follow this order over built pages. */
export const REGISTRY: readonly RegistryEntry[] = [
  {
    id: 'matrix-multiplication',
    section: 'linear-algebra',
    title: { en: 'Matrix multiplication', 'zh-TW': '矩陣乘法' },
    teaser: {
      en: 'Every layer of a network is a matrix times a vector: rows meet columns.',
      'zh-TW': '神經網路的每一層都是矩陣乘以向量：列與行相遇。',
    },
    related: ['attention', 'vector-similarity', 'neural-network', 'transformer'],
    load: () => import('./matrix-multiplication'),
  },
  {
    id: 'vector-similarity',
    section: 'linear-algebra',
    title: { en: 'Dot product and cosine similarity', 'zh-TW': '內積與餘弦相似度' },
    teaser: {
      en: 'How alike are two word vectors? Measure the angle between them.',
      'zh-TW': '兩個詞向量有多相似？量一量它們之間的夾角。',
    },
    related: ['attention', 'matrix-multiplication', 'softmax'],
    load: () => import('./vector-similarity'),
  },
  {
    id: 'next-token-distribution',
    section: 'probability',
    title: { en: 'The next-token distribution', 'zh-TW': '下一個詞元的機率分布' },
    teaser: {
      en: 'A language model outputs a probability for every possible next token.',
      'zh-TW': '語言模型為每一個可能的下一個詞元給出一個機率。',
    },
    related: ['softmax', 'cross-entropy', 'entropy', 'bayes', 'attention', 'transformer'],
    load: () => import('./next-token-distribution'),
  },
  {
    id: 'bayes',
    section: 'probability',
    title: { en: "Bayes' theorem", 'zh-TW': '貝氏定理' },
    teaser: {
      en: 'Update a prior belief with the likelihood of what you observed.',
      'zh-TW': '用觀察到的證據的似然，更新先驗機率。',
    },
    related: ['next-token-distribution', 'entropy', 'softmax', 'cross-entropy'],
    load: () => import('./bayes'),
  },
  {
    id: 'gradient-descent',
    section: 'calculus',
    title: { en: 'Gradient descent', 'zh-TW': '梯度下降法' },
    teaser: {
      en: 'Walk downhill on the loss surface, one gradient step at a time.',
      'zh-TW': '沿著梯度的反方向，一步一步走下損失函數的山坡。',
    },
    related: [
      'learning-rate',
      'sgd',
      'adam',
      'optimizers',
      'adagrad',
      'backpropagation',
      'neural-network',
      'mse',
      'regularization',
    ],
    load: () => import('./gradient-descent'),
  },
  {
    id: 'entropy',
    section: 'information-theory',
    title: { en: 'Entropy', 'zh-TW': '熵' },
    teaser: {
      en: 'How surprised should you expect to be? The uncertainty of a distribution.',
      'zh-TW': '平均而言你會有多驚訝？衡量一個分布的不確定性。',
    },
    related: ['cross-entropy', 'softmax', 'next-token-distribution', 'bayes'],
    load: () => import('./entropy'),
  },
  {
    id: 'neural-network',
    section: 'neural-networks',
    title: { en: 'Neurons and networks', 'zh-TW': '神經元與神經網路' },
    teaser: {
      en: 'A weighted sum, a bias and an activation, stacked into layers.',
      'zh-TW': '加權總和、偏差與激活函數，一層一層堆疊起來。',
    },
    related: [
      'backpropagation',
      'sigmoid',
      'tanh',
      'relu',
      'gradient-descent',
      'cross-entropy',
      'softmax',
      'matrix-multiplication',
    ],
    load: () => import('./neural-network'),
  },
  {
    id: 'backpropagation',
    section: 'neural-networks',
    title: { en: 'Backpropagation', 'zh-TW': '反向傳播演算法' },
    teaser: {
      en: 'The chain rule, applied layer by layer from the loss back to every weight.',
      'zh-TW': '連鎖律從損失一路往回，逐層算出每個權重的梯度。',
    },
    related: [
      'neural-network',
      'sigmoid',
      'tanh',
      'relu',
      'gradient-descent',
      'cross-entropy',
      'mse',
    ],
    load: () => import('./backpropagation'),
  },
  {
    id: 'attention',
    section: 'attention-transformer',
    title: { en: 'Scaled dot-product attention', 'zh-TW': '縮放點積注意力' },
    teaser: {
      en: 'Each token asks a query, every token answers with a key, and values are mixed by softmax.',
      'zh-TW': '每個詞元提出查詢，各詞元以鍵回應，再用 Softmax 加權混合值。',
    },
    related: [
      'softmax',
      'vector-similarity',
      'matrix-multiplication',
      'cross-entropy',
      'transformer',
      'next-token-distribution',
    ],
    load: () => import('./attention'),
  },
  {
    id: 'transformer',
    section: 'attention-transformer',
    title: { en: 'The Transformer block', 'zh-TW': 'Transformer 區塊' },
    teaser: {
      en: 'Attention, a feed-forward network, residual connections and layer normalization.',
      'zh-TW': '注意力、前饋網路、殘差連接與層正規化的組合。',
    },
    related: ['attention', 'softmax', 'relu', 'next-token-distribution', 'matrix-multiplication'],
    load: () => import('./transformer'),
  },
  {
    id: 'cross-entropy',
    section: 'losses',
    title: { en: 'Cross-entropy loss', 'zh-TW': '交叉熵損失' },
    teaser: {
      en: 'The price of putting low probability on the right answer: −log p.',
      'zh-TW': '對正確答案給的機率越低，代價越高：−log p。',
    },
    related: [
      'softmax',
      'mse',
      'attention',
      'entropy',
      'next-token-distribution',
      'bayes',
      'sigmoid',
      'backpropagation',
      'neural-network',
    ],
    load: () => import('./cross-entropy'),
  },
  {
    id: 'mse',
    section: 'losses',
    title: { en: 'Mean squared error', 'zh-TW': '均方誤差' },
    teaser: {
      en: 'Square each miss and take the mean: big errors cost much more.',
      'zh-TW': '把每個誤差平方後取平均：大誤差的代價大得多。',
    },
    related: ['cross-entropy', 'gradient-descent', 'sgd', 'regularization', 'backpropagation'],
    load: () => import('./mse'),
  },
  {
    id: 'sigmoid',
    section: 'activations',
    title: { en: 'Sigmoid', 'zh-TW': 'Sigmoid 函數' },
    teaser: {
      en: 'Squashes any number into (0, 1), and its gradient vanishes at the ends.',
      'zh-TW': '把任何數壓進 (0, 1)，兩端的梯度會消失。',
    },
    related: ['tanh', 'relu', 'cross-entropy', 'backpropagation', 'neural-network'],
    load: () => import('./sigmoid'),
  },
  {
    id: 'tanh',
    section: 'activations',
    title: { en: 'tanh', 'zh-TW': 'tanh 函數' },
    teaser: {
      en: 'A zero-centred sigmoid with outputs in (−1, 1).',
      'zh-TW': '以零為中心的 S 形曲線，輸出介於 (−1, 1)。',
    },
    related: ['sigmoid', 'relu', 'backpropagation', 'neural-network'],
    load: () => import('./tanh'),
  },
  {
    id: 'relu',
    section: 'activations',
    title: { en: 'ReLU', 'zh-TW': 'ReLU 函數' },
    teaser: {
      en: 'max(0, x): cheap, and its gradient does not vanish for positive inputs.',
      'zh-TW': 'max(0, x)：計算便宜，正輸入的梯度不會消失。',
    },
    related: ['sigmoid', 'tanh', 'backpropagation', 'neural-network', 'transformer'],
    load: () => import('./relu'),
  },
  {
    id: 'sgd',
    section: 'optimizers',
    title: { en: 'SGD and momentum', 'zh-TW': '隨機梯度下降與動量' },
    teaser: {
      en: 'Step against the gradient; momentum remembers where you were heading.',
      'zh-TW': '沿梯度反方向前進；動量記得你原本要去的方向。',
    },
    related: [
      'gradient-descent',
      'learning-rate',
      'adam',
      'adagrad',
      'optimizers',
      'mse',
      'regularization',
    ],
    load: () => import('./sgd'),
  },
  {
    id: 'adam',
    section: 'optimizers',
    title: { en: 'Adam', 'zh-TW': 'Adam' },
    teaser: {
      en: 'Momentum plus a per-parameter step size, with bias correction.',
      'zh-TW': '動量加上每個參數各自的步長，並做偏差修正。',
    },
    related: [
      'sgd',
      'adagrad',
      'learning-rate',
      'optimizers',
      'gradient-descent',
      'regularization',
    ],
    load: () => import('./adam'),
  },
  {
    id: 'adagrad',
    section: 'optimizers',
    title: { en: 'AdaGrad', 'zh-TW': 'AdaGrad' },
    teaser: {
      en: 'Parameters with large past gradients take smaller steps.',
      'zh-TW': '過去梯度越大的參數，步伐越小。',
    },
    related: ['adam', 'sgd', 'learning-rate', 'optimizers', 'gradient-descent', 'regularization'],
    load: () => import('./adagrad'),
  },
  {
    id: 'optimizers',
    section: 'optimizers',
    title: { en: 'The optimizer race', 'zh-TW': '優化器大賽' },
    teaser: {
      en: 'SGD, momentum, Nesterov, AdaGrad, RMSprop, Adam and AdamW from the same start.',
      'zh-TW': 'SGD、動量、Nesterov、AdaGrad、RMSprop、Adam 與 AdamW 從同一個起點出發。',
    },
    related: ['sgd', 'adam', 'adagrad', 'learning-rate', 'gradient-descent', 'regularization'],
    load: () => import('./optimizers'),
  },
  {
    id: 'softmax',
    section: 'softmax',
    title: { en: 'Softmax and temperature', 'zh-TW': 'Softmax 函數與溫度' },
    teaser: {
      en: 'Turn logits into probabilities; temperature sharpens or flattens them.',
      'zh-TW': '把 logits 轉成機率；溫度讓分布變尖銳或變平坦。',
    },
    related: [
      'cross-entropy',
      'attention',
      'vector-similarity',
      'entropy',
      'next-token-distribution',
      'bayes',
      'transformer',
      'neural-network',
    ],
    load: () => import('./softmax'),
  },
  {
    id: 'learning-rate',
    section: 'learning-rate',
    title: { en: 'Learning rate', 'zh-TW': '學習率' },
    teaser: {
      en: 'Too small crawls, too large oscillates or diverges.',
      'zh-TW': '太小走得慢，太大會震盪甚至發散。',
    },
    related: ['gradient-descent', 'sgd', 'adam', 'adagrad', 'optimizers', 'regularization'],
    load: () => import('./learning-rate'),
  },
  {
    id: 'regularization',
    section: 'regularization',
    title: { en: 'L1 and L2 regularization', 'zh-TW': 'L1 與 L2 正則化' },
    teaser: {
      en: 'A penalty on large weights that trades training fit for generalization.',
      'zh-TW': '懲罰過大的權重，用訓練誤差換取更好的泛化。',
    },
    related: ['mse', 'gradient-descent', 'sgd', 'adam', 'adagrad', 'learning-rate', 'optimizers'],
    load: () => import('./regularization'),
  },
];

/** The registry entry of an id, or undefined. */
export function findEntry(id: string): RegistryEntry | undefined {
  return REGISTRY.find((e) => e.id === id);
}

/** Built pages in the notes' order (previous/next walk this list). */
export function builtEntries(): RegistryEntry[] {
  return REGISTRY.filter((e) => e.load !== undefined);
}

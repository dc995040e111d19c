import type { Lang } from '../ui/card/types';

/**
 * Words a reader may search a page by (src/ui/shell/search.ts), besides its title, teaser and
 * section in the registry: its symbols (as typed: `T`, `KL`, `σ`) and key terms in each
 * language, glossary terms first. Data only: a page added to the registry is found by its
 * title and teaser without an entry here; an entry adds the words its title does not say.
 */
export interface SearchTerms {
  /** Symbols and abbreviations, matched in either language. */
  symbols?: readonly string[];
  /** Key terms in English and in Traditional Chinese. */
  terms?: Partial<Record<Lang, readonly string[]>>;
}

/** Search terms of each registry id. */
export const SEARCH_TERMS: Readonly<Record<string, SearchTerms>> = {
  'matrix-multiplication': {
    symbols: ['AB', 'C', 'Aᵀ', 'det'],
    terms: {
      en: ['matrix', 'product', 'transpose', 'determinant', 'linear layer', 'rows', 'columns'],
      'zh-TW': ['矩陣', '矩陣運算', '轉置', '行列式', '線性代數'],
    },
  },
  'vector-similarity': {
    symbols: ['cos', 'θ', 'a·b', '‖a‖'],
    terms: {
      en: ['dot product', 'cosine', 'angle', 'embedding', 'word vector', 'projection', 'norm'],
      'zh-TW': ['向量', '內積', '餘弦', '夾角', '嵌入', '詞向量', '投影'],
    },
  },
  'next-token-distribution': {
    symbols: ['p', 'top-k', 'top-p'],
    terms: {
      en: ['token', 'sampling', 'logits', 'temperature', 'probability distribution'],
      'zh-TW': ['詞元', '取樣', '機率分布', '溫度'],
    },
  },
  bayes: {
    symbols: ['P(A|B)'],
    terms: {
      en: ['prior', 'likelihood', 'posterior', 'probability', 'evidence'],
      'zh-TW': ['先驗機率', '似然', '概似', '後驗機率', '機率'],
    },
  },
  'gradient-descent': {
    symbols: ['∇', 'η', 'lr'],
    terms: {
      en: ['gradient', 'learning rate', 'descent', 'derivative', 'optimization'],
      'zh-TW': ['梯度', '學習率', '導數', '微積分'],
    },
  },
  entropy: {
    symbols: ['H', 'H(p)', 'KL'],
    terms: {
      en: ['information', 'uncertainty', 'surprise', 'bits', 'KL divergence'],
      'zh-TW': ['資訊理論', '不確定性', '資訊量', 'KL 散度'],
    },
  },
  'neural-network': {
    symbols: ['w', 'b', 'w·x + b'],
    terms: {
      en: [
        'neuron',
        'weights',
        'bias',
        'layer',
        'perceptron',
        'hidden layer',
        'decision boundary',
        'XOR',
        'multilayer perceptron',
        'training',
      ],
      'zh-TW': ['神經元', '權重', '偏差', '神經網絡', '層', '隱藏層', '決策邊界', '訓練', '過擬合'],
    },
  },
  backpropagation: {
    symbols: ['∂L/∂w'],
    terms: {
      en: ['chain rule', 'gradient', 'backprop', 'derivative'],
      'zh-TW': ['連鎖律', '梯度', '反向傳播算法'],
    },
  },
  attention: {
    symbols: ['Q', 'K', 'V', 'QKᵀ', '√d'],
    terms: {
      en: ['attention', 'query', 'key', 'value', 'self-attention', 'causal mask', 'softmax'],
      'zh-TW': ['注意力機制', '自注意力', '查詢', '鍵', '值', '遮罩'],
    },
  },
  transformer: {
    symbols: ['LayerNorm', 'FFN', 'MHA', 'GELU', 'PE'],
    terms: {
      en: [
        'positional encoding',
        'layer normalization',
        'residual',
        'feed-forward',
        'multi-head attention',
        'decoder block',
        'GELU',
      ],
      'zh-TW': ['位置編碼', '層正規化', '殘差連接', '前饋網路', '多頭注意力', '解碼器'],
    },
  },
  'cross-entropy': {
    symbols: ['H(p,q)', 'KL', '−log p', 'CE'],
    terms: {
      en: ['loss', 'log loss', 'logits', 'KL divergence', 'classification', 'entropy'],
      'zh-TW': ['損失函數', '交叉熵', 'KL 散度', '分類', '熵'],
    },
  },
  mse: {
    symbols: ['MSE', 'L2', '(y−ŷ)²'],
    terms: {
      en: ['squared error', 'regression', 'loss', 'residual'],
      'zh-TW': ['均方誤差', '迴歸', '損失函數', '誤差'],
    },
  },
  sigmoid: {
    symbols: ['σ', 'σ(x)', 'logistic'],
    terms: {
      en: ['activation', 'vanishing gradient', 'logistic', 'binary classification'],
      'zh-TW': ['激活函數', '激勵函數', '梯度消失', '二分類'],
    },
  },
  tanh: {
    symbols: ['tanh'],
    terms: {
      en: ['activation', 'hyperbolic tangent', 'vanishing gradient'],
      'zh-TW': ['激活函數', '激勵函數', '雙曲正切', '梯度消失'],
    },
  },
  relu: {
    symbols: ['max(0,x)', 'ReLU'],
    terms: {
      en: ['activation', 'rectified linear unit', 'leaky ReLU', 'dead neurons'],
      'zh-TW': ['激活函數', '激勵函數', '梯度消失'],
    },
  },
  sgd: {
    symbols: ['SGD', 'η', 'β', 'lr'],
    terms: {
      en: ['stochastic gradient descent', 'momentum', 'optimizer', 'learning rate'],
      'zh-TW': ['隨機梯度下降', '動量', '優化器', '最佳化器', '學習率'],
    },
  },
  adam: {
    symbols: ['β₁', 'β₂', 'ε', 'η', 'lr'],
    terms: {
      en: ['optimizer', 'momentum', 'bias correction', 'RMSprop', 'learning rate'],
      'zh-TW': ['優化器', '最佳化器', '動量', '偏差修正', '學習率'],
    },
  },
  adagrad: {
    symbols: ['G', 'η', 'lr'],
    terms: {
      en: ['optimizer', 'adaptive learning rate', 'learning rate'],
      'zh-TW': ['優化器', '最佳化器', '學習率'],
    },
  },
  optimizers: {
    symbols: ['η', 'μ', 'β₁', 'β₂', 'λ', 'lr'],
    terms: {
      en: [
        'optimizer',
        'comparison',
        'momentum',
        'Nesterov',
        'RMSprop',
        'Adam',
        'AdamW',
        'divergence',
      ],
      'zh-TW': ['優化器', '最佳化器', '比較', '動量', '發散', '學習率'],
    },
  },
  softmax: {
    symbols: ['T', 'z', 'τ', 'softmax(z)'],
    terms: {
      en: ['temperature', 'logits', 'probabilities', 'sampling', 'token'],
      'zh-TW': ['溫度', '機率', '取樣', '詞元'],
    },
  },
  'learning-rate': {
    symbols: ['η', 'lr', 'α'],
    terms: {
      en: ['step size', 'oscillation', 'convergence', 'divergence', 'schedule', 'warmup'],
      'zh-TW': ['步長', '震盪', '收斂', '發散', '學習率排程'],
    },
  },
  regularization: {
    symbols: ['λ', 'L1', 'L2', '‖w‖'],
    terms: {
      en: ['lasso', 'ridge', 'weight decay', 'overfitting', 'generalization', 'penalty'],
      'zh-TW': ['正則化', '正規化', '過擬合', '泛化', '權重衰減'],
    },
  },
};

import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the mean-squared-error page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'Mean squared error is the loss of regression: the model predicts a number $\\hat y_i$, the data holds the true $y_i$, and every miss is squared before the average is taken. Here each squared error is drawn as a real square whose side is the miss, so the loss is literally the mean area of the squares. Drag the targets and predictions and watch which square takes over.',
    body: [
      'Squaring the residual $y_i - \\hat y_i$ removes its sign, so missing above or below costs the same, and it magnifies size: a miss of 2 costs 4, a miss of 5 costs 25. The presets “even errors” and “one outlier” have the same mean absolute error, 1, yet the outlier makes the MSE five times larger. That is the strength of MSE (large errors are fixed first) and also its weakness (one bad label can dominate training).',
      'Its square root, $\\sqrt{\\mathrm{MSE}}$ (the root mean squared error), is back in the units of $y$: it is the side of the mean square drawn on the right, a typical size of one miss.',
      'The gradient is as simple as the loss: $\\partial\\,\\mathrm{MSE} / \\partial \\hat y_i = \\frac{2}{n}(\\hat y_i - y_i)$. Each prediction is pulled towards its own target in proportion to how far off it is, so gradient descent takes big steps on big errors and gentle steps close to the answer. If every prediction had to be the same constant $c$, the MSE would be smallest at the mean of the targets, $c = \\bar y$.',
      'MSE also has a probabilistic reading. Suppose each target is its prediction plus Gaussian noise, $y_i = \\hat y_i + \\varepsilon_i$ with $\\varepsilon_i \\sim \\mathcal{N}(0, \\sigma^2)$. The negative log-likelihood of the data is then $\\frac{1}{2\\sigma^2} \\sum_i (y_i - \\hat y_i)^2$ plus a constant, so minimising MSE is maximum likelihood under Gaussian noise, just as cross-entropy is maximum likelihood for categories.',
      'A language model predicts tokens, which are categories, so its main loss is cross-entropy rather than MSE. MSE appears around it: in the value head trained during reinforcement learning from human feedback, in distillation that makes a small model copy a large model’s hidden states, and in diffusion models that learn to predict the added noise.',
    ],
  },
  'zh-TW': {
    intro:
      '均方誤差是迴歸問題的損失函數：模型預測一個數值 $\\hat y_i$，資料裡有真正的 $y_i$，每一次的誤差先平方再取平均。這裡把每個平方誤差畫成一個真正的正方形，邊長就是誤差，所以損失正是這些正方形的平均面積。拖動目標值與預測值，看看哪個正方形最搶眼。',
    body: [
      '把殘差 $y_i - \\hat y_i$ 平方會消去正負號，所以高估或低估的代價相同；同時也會放大差距：誤差 2 的代價是 4，誤差 5 的代價是 25。「誤差平均」與「一個離群值」兩個預設的平均絕對誤差都是 1，但離群值讓 MSE 變成五倍。這是 MSE 的優點（先修正大誤差），也是它的缺點（一筆錯誤的標籤就可能主導整個訓練）。',
      '它的平方根 $\\sqrt{\\mathrm{MSE}}$（均方根誤差，RMSE）回到了 $y$ 的單位：就是右側那個平均正方形的邊長，代表一次誤差的典型大小。',
      '梯度跟損失一樣簡單：$\\partial\\,\\mathrm{MSE} / \\partial \\hat y_i = \\frac{2}{n}(\\hat y_i - y_i)$。每個預測值都被拉向自己的目標值，拉力與偏差成正比，所以梯度下降法在誤差大時步伐大，接近答案時步伐小。如果所有預測都只能是同一個常數 $c$，MSE 在 $c$ 等於目標平均值 $\\bar y$ 時最小。',
      'MSE 也有機率上的解釋。假設每個目標值等於預測值加上高斯雜訊：$y_i = \\hat y_i + \\varepsilon_i$，$\\varepsilon_i \\sim \\mathcal{N}(0, \\sigma^2)$。那麼資料的負對數似然就是 $\\frac{1}{2\\sigma^2} \\sum_i (y_i - \\hat y_i)^2$ 再加上一個常數；因此最小化 MSE 就是在高斯雜訊假設下做最大似然估計，正如交叉熵是類別資料的最大似然估計。',
      '語言模型預測的是詞元，也就是類別，所以它的主要損失是交叉熵而不是 MSE。不過 MSE 就在它周圍：人類回饋強化學習（RLHF）中訓練的價值函數頭、讓小模型模仿大模型隱藏狀態的知識蒸餾，以及學習預測所加雜訊的擴散模型，用的都是 MSE。',
    ],
  },
};

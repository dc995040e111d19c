import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the Adam page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'Adam is the optimizer almost every large language model is trained with. It combines two ideas: momentum, a running average $m$ of the gradients, and RMSprop, a running average $v$ of their squares, which gives every parameter its own step size $\\eta / \\sqrt{\\hat v}$. Step through it and watch $m$, $v$ and the bias-corrected $\\hat m$, $\\hat v$ of each coordinate.',
    body: [
      'The first moment $m$ smooths the gradient as momentum does, with $\\beta_1 = 0.9$ an average over roughly the last 10 steps. The second moment $v$ tracks the size of the gradient, with $\\beta_2 = 0.999$ over roughly the last 1000. Dividing one by the square root of the other makes the step $\\eta\\,\\hat m / (\\sqrt{\\hat v} + \\epsilon)$ nearly independent of the gradient’s scale: on a steady slope it is about $\\eta$ in every coordinate, steep or flat. That is why on the ill-conditioned bowl Adam moves along the flat direction as fast as across the steep one, where plain gradient descent crawls.',
      'Both averages start at 0, so for the first steps they are too small, $m$ by a factor $1 - \\beta_1^t$ and $v$ by $1 - \\beta_2^t$. Bias correction divides these factors out. Switch it off and the first steps change: with the default betas, $m$ is 10 times too small but $\\sqrt v$ about 32 times too small, so the first step is about 3.2 times too large; the step-size chart shows it settle only after hundreds of steps.',
      'The $\\epsilon$ only matters where $\\sqrt{\\hat v}$ is tiny: it keeps the division finite and caps the step when a gradient is almost 0. Raise it towards 1 and Adam turns into momentum with a learning rate of $\\eta/\\epsilon$.',
      'Weight decay pulls every weight towards 0 a little each step, a form of L2 regularization. Adam’s own L2 term would be divided by $\\sqrt{\\hat v}$ like the gradient, so heavily updated weights would hardly be decayed. AdamW decouples it: $\\theta \\leftarrow \\theta - \\eta\\lambda\\theta$ separately, then the Adam step. With the switch on, the run no longer ends at the minimum of the loss but a little towards the origin, where the pull of the decay balances the gradient.',
      'Why it matters for LLMs: GPT-style models are trained with AdamW, $\\beta_1 = 0.9$, $\\beta_2$ of 0.95 to 0.999 and a weight decay around 0.1, under a warm-up and cosine schedule. Keeping $m$ and $v$ costs two extra numbers for every parameter, which is a large part of the memory a training run needs.',
    ],
  },
  'zh-TW': {
    intro:
      '幾乎每一個大型語言模型都是用 Adam 訓練的。它結合了兩個想法：動量，也就是梯度的移動平均 $m$；以及 RMSprop，也就是梯度平方的移動平均 $v$，讓每個參數都有自己的步長 $\\eta / \\sqrt{\\hat v}$。一步一步執行，觀察每個座標的 $m$、$v$ 以及偏差修正後的 $\\hat m$、$\\hat v$。',
    body: [
      '一階動差 $m$ 和動量一樣把梯度平滑化，$\\beta_1 = 0.9$ 大約是最近 10 步的平均。二階動差 $v$ 追蹤梯度的大小，$\\beta_2 = 0.999$ 大約是最近 1000 步的平均。用其中一個除以另一個的平方根，步伐 $\\eta\\,\\hat m / (\\sqrt{\\hat v} + \\epsilon)$ 就幾乎與梯度的尺度無關：在穩定的坡上，不論陡或平，每個座標的步伐都大約是 $\\eta$。所以在狹長的碗裡，Adam 沿著平坦方向走得和橫越陡峭方向一樣快，一般的梯度下降卻在那裡慢慢爬。',
      '兩個平均都從 0 開始，所以最初幾步它們都太小：$m$ 小了 $1 - \\beta_1^t$ 倍，$v$ 小了 $1 - \\beta_2^t$ 倍。偏差修正就是把這兩個因子除掉。把它關掉，最初幾步就變了：在預設的 β 下，$m$ 小了 10 倍，$\\sqrt v$ 卻小了大約 32 倍，所以第一步大了約 3.2 倍；步長圖顯示它要好幾百步之後才安定下來。',
      '$\\epsilon$ 只在 $\\sqrt{\\hat v}$ 很小的地方才有作用：它讓除法保持有限，並在梯度幾乎為 0 時限制步伐。把它調高到接近 1，Adam 就變成學習率為 $\\eta/\\epsilon$ 的動量法。',
      '權重衰減每一步都把每個權重往 0 拉一點，是 L2 正則化的一種形式。如果把 L2 項直接加進 Adam 的梯度，它會和梯度一起被 $\\sqrt{\\hat v}$ 除掉，更新頻繁的權重幾乎不會被衰減。AdamW 把它解耦：先單獨做 $\\theta \\leftarrow \\theta - \\eta\\lambda\\theta$，再走 Adam 的一步。打開這個開關，執行就不再停在損失的最小值，而是稍微偏向原點，停在衰減的拉力與梯度互相平衡的地方。',
      '為什麼對大型語言模型重要：GPT 這類模型用 AdamW 訓練，$\\beta_1 = 0.9$，$\\beta_2$ 介於 0.95 到 0.999，權重衰減約 0.1，並搭配暖身與餘弦排程。保存 $m$ 與 $v$ 讓每個參數多佔兩個數字，這是訓練時記憶體需求的一大部分。',
    ],
  },
};

import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the AdaGrad page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'AdaGrad gives every parameter its own learning rate. It keeps, per coordinate, the running sum $s$ of all its squared gradients, and divides the step by $\\sqrt s$: a parameter that has seen large gradients takes small steps, one that has seen little takes large ones. Watch $s$ grow and $\\eta/\\sqrt s$ shrink, coordinate by coordinate.',
    body: [
      'On the bowl with one steep and one flat direction, the steep coordinate piles up large squared gradients at once, so its rate drops quickly, while the flat one keeps a large rate. The steps are rescaled towards the same size in both directions, the way a good preconditioner would, and the run heads more directly to the minimum than plain SGD.',
      'Where AdaGrad shines is a sparse gradient: a coordinate whose gradient is zero most of the time, like the embedding of a rare word that appears in one sentence of a thousand. Plain SGD moves it only on the rare steps where it shows up, by $\\eta$ times a small gradient. AdaGrad’s $s$ for it stays small, so when its gradient does appear the step is large. Choose the sparse problem and compare the run with plain SGD.',
      'The catch is that $s$ only ever grows. After many steps $\\eta/\\sqrt s$ has shrunk so far that learning all but stops, even if the run is still far from the minimum. RMSprop replaces the sum by a decaying average, $s \\leftarrow \\alpha s + (1 - \\alpha) g^2$, which forgets old gradients: its rate follows the recent gradient size instead of the whole history. Switch it on and compare the two rate charts.',
      'Why it matters for LLMs: AdaGrad’s per-parameter rates were the first big step beyond one global learning rate, and its idea lives on in RMSprop and in Adam’s second moment $v$, which is RMSprop’s average with bias correction. Language models have huge embedding tables where most rows get no gradient in a given batch, exactly the sparse case.',
    ],
  },
  'zh-TW': {
    intro:
      'AdaGrad 讓每一個參數都有自己的學習率。它為每個座標記下所有梯度平方的累積總和 $s$，再把步伐除以 $\\sqrt s$：梯度一向很大的參數走小步，梯度很少的參數走大步。一個座標一個座標地觀察 $s$ 如何增加、$\\eta/\\sqrt s$ 如何縮小。',
    body: [
      '在一個方向陡、一個方向平的碗裡，陡的座標一開始就累積了很大的梯度平方，學習率很快降下來；平的座標則保有較大的學習率。兩個方向的步伐被調整到差不多大，就像一個好的預條件器，執行也比一般的 SGD 更直接地走向最小值。',
      'AdaGrad 真正發揮所長的是稀疏梯度：一個大部分時間梯度都是 0 的座標，就像一個罕見詞的詞嵌入，一千句裡只出現一次。一般的 SGD 只有在它出現的那幾步才會移動它，而且只移動 $\\eta$ 乘上一個小梯度。AdaGrad 對它的 $s$ 一直很小，所以它的梯度一出現，步伐就很大。選擇稀疏問題，和一般的 SGD 比較看看。',
      '問題在於 $s$ 只會越來越大。走了很多步之後，$\\eta/\\sqrt s$ 縮得太小，學習幾乎停止，即使離最小值還很遠。RMSprop 把總和換成會衰減的平均 $s \\leftarrow \\alpha s + (1 - \\alpha) g^2$，會逐漸忘掉舊的梯度：它的學習率跟著最近的梯度大小走，而不是整段歷史。打開它，比較兩張學習率圖。',
      '為什麼對大型語言模型重要：AdaGrad 為每個參數設定學習率，是跨出「單一全域學習率」的第一大步；這個想法延續到 RMSprop，以及 Adam 的二階動差 $v$，也就是加上偏差修正的 RMSprop 平均。語言模型有巨大的詞嵌入表，每一個批次裡大多數列都沒有梯度，正是稀疏的情形。',
    ],
  },
};

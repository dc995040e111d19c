import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the optimizer race, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'Seven optimizers start from the same point $\\theta_0$ on the same loss surface and take their steps together. Every one of them steps against the gradient $g_k$; they differ in what they do with it: remember it (momentum), look ahead with it (Nesterov), divide it by its own history (AdaGrad, RMSprop), or both (Adam, AdamW). Drag the start, tune each racer, and play. Here $v_k = \\mu v_{k-1} + g_k$ is the momentum, $s_k$ the sum of all $g^2$ (AdaGrad) or their decaying average $\\alpha s_{k-1} + (1 - \\alpha) g_k^2$ (RMSprop), and $\\hat m_k$, $\\hat v_k$ Adam’s bias-corrected averages of $g$ and $g^2$; every root also gets a tiny $\\epsilon$ added, against division by zero.',
    body: [
      'On the ill-conditioned bowl plain SGD zig-zags: the steep direction limits its learning rate to $\\eta < 2/L$, and along the flat direction that rate is slow. Momentum adds up the steps that agree and cancels the ones that flip sign, so it builds speed along the valley; Nesterov evaluates its correction a step ahead and overshoots less.',
      'The adaptive methods rescale each coordinate by the size of its gradients. AdaGrad divides by the root of the running sum $s$ of squared gradients, which only grows, so its steps keep shrinking; RMSprop divides by a decaying average instead and keeps going. Adam adds momentum to RMSprop and corrects both averages for their start at zero. On Rosenbrock’s curved valley and at the saddle, where gradients are tiny, dividing by their size is what gets a run moving.',
      'AdamW decays the weights directly, $\\theta \\leftarrow \\theta - \\eta\\lambda\\theta$, instead of adding $\\lambda\\theta$ to the gradient where Adam’s rescaling would shrink it. On this page the minimum is not at the origin for every surface, so the decay pulls AdamW’s run slightly off the minimum: the price of regularization. Pin a run to keep it as a ghost, then change a setting and compare.',
      'A race on a two-parameter surface is only a sketch: the winner depends on the surface, the start and the settings, and a learning rate too large for one racer is too small for another. Why it matters for LLMs: large language models are trained almost always with AdamW (and warm-up with cosine decay of the rate); momentum SGD still trains many vision models. The differences seen here, speed along flat valleys and robustness to badly scaled directions, are the reasons.',
    ],
  },
  'zh-TW': {
    intro:
      '七個優化器從同一個起點 $\\theta_0$、在同一個損失曲面上一起出發。它們每一步都朝梯度 $g_k$ 的反方向走，差別在於怎麼使用梯度：記住它（動量）、用它往前看一步（Nesterov）、除以它自己的歷史（AdaGrad、RMSprop），或兩者兼具（Adam、AdamW）。拖動起點、調整每一位參賽者，然後按下播放。其中 $v_k = \\mu v_{k-1} + g_k$ 是動量，$s_k$ 是所有 $g^2$ 的總和（AdaGrad）或會衰減的平均 $\\alpha s_{k-1} + (1 - \\alpha) g_k^2$（RMSprop），$\\hat m_k$、$\\hat v_k$ 則是 Adam 經偏差修正後 $g$ 與 $g^2$ 的平均；每個平方根還會加上一個很小的 $\\epsilon$，避免除以零。',
    body: [
      '在狹長的碗裡，一般的 SGD 會左右震盪：陡的方向把學習率限制在 $\\eta < 2/L$，而這個學習率在平的方向上走得很慢。動量把方向一致的步伐累加起來、把正負交替的步伐互相抵消，於是沿著山谷越走越快；Nesterov 在往前一步的位置計算修正，越過頭的情形比較少。',
      '自適應的方法依照每個座標梯度的大小重新縮放步伐。AdaGrad 除以梯度平方累積總和 $s$ 的平方根，而 $s$ 只會增加，所以步伐越來越小；RMSprop 改用會衰減的平均，能一直走下去。Adam 在 RMSprop 上加了動量，並修正兩個平均從 0 開始造成的偏差。在 Rosenbrock 彎曲的山谷和鞍點上，梯度非常小，除以梯度的大小正是讓執行動起來的關鍵。',
      'AdamW 直接讓權重衰減 $\\theta \\leftarrow \\theta - \\eta\\lambda\\theta$，而不是把 $\\lambda\\theta$ 加到梯度裡、再被 Adam 的縮放抵銷。這裡並非每個曲面的最小值都在原點，所以衰減會把 AdamW 的執行稍微拉離最小值：這就是正則化的代價。釘選一次執行，讓它以殘影留著，再改變設定來比較。',
      '在只有兩個參數的曲面上比賽只是示意：誰贏取決於曲面、起點和設定，對一位參賽者太大的學習率，對另一位可能太小。為什麼對大型語言模型重要：大型語言模型幾乎都用 AdamW 訓練（搭配學習率的暖身與餘弦衰減）；帶動量的 SGD 仍用來訓練許多影像模型。這裡看到的差異——在平坦山谷中的速度、對尺度不一的方向的穩健——正是原因。',
    ],
  },
};

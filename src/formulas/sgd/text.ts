import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the SGD page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'Gradient descent needs the gradient of the loss over the whole training set, which for a language model means trillions of tokens. Stochastic gradient descent (SGD) estimates it from a small random minibatch instead, and takes a step with that noisy estimate. Here 40 points are fitted by a line $y = wx + b$: watch the minibatch gradient wobble around the full one.',
    body: [
      'The loss on the left is the mean squared error of the line over all 40 points, drawn over the two parameters $(w, b)$. Each step, SGD picks $B$ of the points (highlighted on the right), computes the gradient $g_B$ of the loss on them alone, and steps along $-g_B$. On average $g_B$ equals the full gradient $\\nabla L$, but any single one is off, by more the smaller the batch; the two arrows show the difference at every step. With $B = 40$ the batch is the whole set and SGD is exactly gradient descent.',
      'The noise costs precision, not progress: the run heads downhill on average but never settles exactly on the minimum; it keeps jittering around it, by an amount set by $\\eta$ and $B$. In exchange each step is cheap: a batch of 4 costs a tenth of the full 40. That is why every large model is trained with minibatches, and why the learning rate is lowered towards the end.',
      'This loss is an ill-conditioned bowl: $w$ and $b$ trade off against each other, so the bowl is a long, narrow, tilted valley. Plain gradient descent crosses it quickly but crawls along it. Momentum keeps a running velocity $v \\leftarrow \\mu v + g$ and steps along $v$ instead of $g$: the steps across the valley, which change sign, cancel out, while the steps along it, which agree, add up, up to $1/(1-\\mu)$ times as large. Nesterov’s variant looks one step ahead, stepping along $g + \\mu v$, which damps the overshoot.',
      'Too much momentum overshoots: with $\\mu$ near 1 the run remembers its old direction for a long time, swings past the minimum and circles back. And as for gradient descent, a learning rate past $2/L$ for the steepest curvature $L$ diverges; the page stops such a run at its last finite point.',
      'Why it matters for LLMs: every step of training a language model is a minibatch step, the batch being millions of tokens spread over many accelerators. The batch size, the learning rate and the momentum (inside Adam, $\\beta_1$ plays its role) are chosen together: a larger batch gives a less noisy gradient and usually allows a larger learning rate.',
    ],
  },
  'zh-TW': {
    intro:
      '梯度下降法需要整個訓練集上損失的梯度，對語言模型來說那是數以兆計的詞元。隨機梯度下降（SGD）改用一小批隨機抽出的資料來估計梯度，再拿這個有雜訊的估計值走一步。這裡用直線 $y = wx + b$ 擬合 40 個資料點：看看小批次梯度如何在全批次梯度周圍晃動。',
    body: [
      '左邊的損失是這條直線在全部 40 個點上的均方誤差，畫在兩個參數 $(w, b)$ 的平面上。每一步，SGD 從中挑出 $B$ 個點（右圖中標亮的點），只用它們算出損失的梯度 $g_B$，再沿著 $-g_B$ 走一步。平均而言 $g_B$ 等於全批次梯度 $\\nabla L$，但單獨一次總會有偏差，批次越小偏差越大；兩個箭頭讓你每一步都看到這個差距。當 $B = 40$，批次就是整個資料集，SGD 也就正是梯度下降法。',
      '雜訊犧牲的是精確度，不是進度：執行平均來說一路往下，卻永遠不會剛好停在最小值上，而是在它附近不停抖動，幅度由 $\\eta$ 與 $B$ 決定。換來的是每一步都很便宜：4 個點的批次只要全部 40 個點十分之一的計算量。這就是每個大型模型都用小批次訓練、並在訓練後期調降學習率的原因。',
      '這個損失是一個病態的碗：$w$ 與 $b$ 互相牽制，所以碗是一條又長又窄、斜斜的山谷。一般的梯度下降很快就橫越山谷，沿著山谷卻走得很慢。動量保留一個持續累積的速度 $v \\leftarrow \\mu v + g$，沿著 $v$ 而不是 $g$ 前進：橫越山谷、方向一正一負的步伐互相抵消，沿著山谷、方向一致的步伐則不斷累加，最多放大到 $1/(1-\\mu)$ 倍。Nesterov 的變形往前多看一步，沿著 $g + \\mu v$ 前進，可以減少衝過頭。',
      '動量太大會衝過頭：當 $\\mu$ 接近 1，執行會長時間記得舊的方向，衝過最小值再繞回來。而和梯度下降一樣，學習率若超過最陡曲率 $L$ 的 $2/L$ 就會發散；本頁會把這樣的執行停在最後一個有限的點。',
      '為什麼對大型語言模型重要：訓練語言模型的每一步都是小批次的一步，一個批次有數百萬個詞元，分散在許多加速器上。批次大小、學習率與動量（在 Adam 裡由 $\\beta_1$ 扮演這個角色）要一起決定：批次越大，梯度的雜訊越小，通常也就能用更大的學習率。',
    ],
  },
};

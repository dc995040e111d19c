import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the learning-rate page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'The learning rate $\\eta$ is the one number every training run has to choose. Too small and the loss crawls down; too large and every step overshoots, swings back and forth, and may fly off altogether. Here the same quadratic $\\tfrac{L}{2}\\theta^2$ is descended at three rates side by side.',
    body: [
      'On this quadratic the gradient is $L\\theta$, so one step gives $\\theta_{k+1} = (1 - \\eta L)\\,\\theta_k$: every step multiplies the distance to the minimum by the same factor $1 - \\eta L$. While $\\eta < 1/L$ the factor is between 0 and 1 and the run slides in from one side, the slower the smaller $\\eta$. At $\\eta = 1/L$ the factor is 0 and one step lands exactly on the minimum.',
      'Past $1/L$ the factor turns negative: each step jumps over the minimum to the other side, and the run oscillates. It still converges while the factor is larger than $-1$, that is while $\\eta < 2/L$. At $\\eta = 2/L$ it bounces between $\\pm\\theta_0$ for ever, and beyond, every bounce is larger than the last: the run diverges. The dashed lines on the rate chart mark $1/L$ and $2/L$.',
      'The threshold depends on the curvature. Make $L$ larger and the same $\\eta$ that was comfortable starts to oscillate or diverge. A real loss has a different curvature in every direction, and the steepest one sets the limit for all of them; that is why an ill-conditioned problem forces a small rate that is then painfully slow along its flat directions.',
      'A schedule changes $\\eta$ as training goes on. Step decay cuts it by $\\gamma$ every $s$ steps; exponential decay spreads the same cut evenly over each step; cosine glides from $\\eta$ down to 0 over the run; warm-up starts tiny, climbs linearly to $\\eta$, then follows the cosine. A large rate early covers ground quickly, and a small rate late lets the run settle instead of rattling around the bottom.',
      'Why it matters for LLMs: almost every large language model is trained with warm-up followed by a cosine (or linear) decay. The warm-up protects the first steps, when the network and Adam’s running averages are still far from settled and the curvature can be very large, and the decay lets the final loss go lower. Picking the peak rate is one of the most expensive decisions of a training run.',
    ],
  },
  'zh-TW': {
    intro:
      '學習率 $\\eta$ 是每一次訓練都必須決定的數字。太小，損失慢慢往下爬；太大，每一步都衝過頭、來回震盪，甚至整個飛出去。這裡用三個學習率並排，對同一個二次函數 $\\tfrac{L}{2}\\theta^2$ 做梯度下降。',
    body: [
      '在這個二次函數上，梯度是 $L\\theta$，所以一步之後 $\\theta_{k+1} = (1 - \\eta L)\\,\\theta_k$：每一步都把到最小值的距離乘上同一個因子 $1 - \\eta L$。當 $\\eta < 1/L$ 時，因子介於 0 與 1 之間，執行從同一側滑進去，$\\eta$ 越小越慢。$\\eta = 1/L$ 時因子是 0，一步就剛好落在最小值上。',
      '超過 $1/L$ 之後因子變成負的：每一步都跳過最小值、落到另一側，執行開始震盪。只要因子大於 $-1$，也就是 $\\eta < 2/L$，它仍然會收斂。$\\eta = 2/L$ 時，它會在 $\\pm\\theta_0$ 之間永遠彈跳；再大一點，每一次彈跳都比上一次更大，執行就發散了。學習率圖上的虛線標出了 $1/L$ 與 $2/L$。',
      '這個門檻取決於曲率。把 $L$ 調大，原本很舒服的 $\\eta$ 就開始震盪甚至發散。真實的損失函數在每個方向上的曲率都不同，最陡的方向決定了所有方向的上限；這就是為什麼病態（條件數很大）的問題逼得學習率必須很小，而在平坦的方向上又慢得令人難受。',
      '學習率排程會隨著訓練改變 $\\eta$。階梯衰減每 $s$ 步把它乘上 $\\gamma$；指數衰減把同樣的縮減平均分攤到每一步；餘弦排程在整個訓練中從 $\\eta$ 平滑降到 0；暖身則從很小的值開始，線性爬升到 $\\eta$，再接上餘弦。前期用大的學習率快速前進，後期用小的學習率讓執行安定下來，而不是在谷底附近亂撞。',
      '為什麼對大型語言模型重要：幾乎每一個大型語言模型都是用「暖身後接餘弦（或線性）衰減」訓練的。暖身保護最初的幾步，那時網路和 Adam 的移動平均都還沒穩定，曲率可能非常大；衰減則讓最後的損失降得更低。選定最高學習率，是一次訓練中代價最高的決定之一。',
    ],
  },
};

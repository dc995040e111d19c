import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the softmax page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'A language model ends every step with one score per token, its logit. Softmax turns those scores into a probability distribution: exponentiate each one, then divide by the total. Drag the logits of five candidates for “The cat sat on the ___” and watch the probabilities follow; the temperature $T$ decides how decisively the largest logit wins.',
    body: [
      'Why exponentials? $e^{z}$ is positive for every $z$, so every token keeps some probability, and dividing by $\\sum_j e^{z_j}$ makes the five of them add up to exactly 1. Only the differences between logits matter: raising one logit by 1 multiplies its odds against every other token by $e \\approx 2.72$.',
      'Dividing by $T$ before exponentiating rescales those differences. With $T < 1$ the gaps grow and the distribution sharpens towards the largest logit; as $T \\to 0$ it becomes a pure argmax, which is greedy decoding. With $T > 1$ the gaps shrink and the distribution flattens towards the uniform $1/5$. The “temperature” setting of a chat model is exactly this knob.',
      'A model does not print the bar chart; it draws one token from it. Press Play under “tokens drawn” to draw up to 100 tokens with the seed shown: the dark mark across each bar is that token’s share of the draws so far, and the row under the chart counts them. After a handful of draws the shares stray far from $p$ and settle on it only slowly, roughly as $1/\\sqrt{k}$; the line under the chart shows 100,000 draws agreeing with $p$ to about three decimals. The same seed draws the same tokens again, so a shared link replays the same draw.',
      'The entropy $H(p) = -\\sum_i p_i \\ln p_i$ measures how spread out the result is: 0 nats when one token takes everything, and its maximum $\\ln 5 \\approx 1.61$ nats when all five are equally likely. Lower $T$ and watch $H$ fall.',
      'Adding the same number $c$ to every logit changes nothing, because $e^{z_i + c} = e^{c}\\,e^{z_i}$ and the factor $e^{c}$ cancels between numerator and denominator. Computers rely on this. A float64 number stops near $1.8 \\times 10^{308}$, so $e^{710}$ already overflows to $\\infty$, and $\\infty/\\infty$ has no value (JavaScript calls it “not a number”); in the other direction $e^{-746}$ rounds to 0, and $0/0$ has no value either. The stable softmax first subtracts $m = \\max_j s_j$: the largest exponential becomes $e^{0} = 1$, none can overflow, the denominator is at least 1, and the answer is mathematically unchanged. Try the “huge logits” preset: the naive row breaks, the bars do not move.',
      'Softmax sits at the end of every language model (the next-token distribution) and inside every attention layer, where it turns similarity scores into weights. It also hides in the cross-entropy loss, which libraries compute straight from the logits as $-\\ln p_y = \\ln \\sum_j e^{z_j} - z_y$, with the same subtract-the-maximum trick (log-sum-exp).',
    ],
  },
  'zh-TW': {
    intro:
      '語言模型每一步的最後，都會替每個詞元算出一個分數，也就是 logit。Softmax 函數把這些分數變成機率分布：先對每個分數取指數，再除以總和。拖動「貓咪坐在＿＿上」五個候選詞元的 logits，看看機率如何跟著改變；溫度 $T$ 則決定最大的 logit 能贏得多徹底。',
    body: [
      '為什麼要取指數？因為不論 $z$ 是多少，$e^{z}$ 一定是正數，每個詞元都保有一點機率；再除以 $\\sum_j e^{z_j}$，五個機率加起來就剛好等於 1。真正有影響的只有 logits 之間的差距：某個 logit 加 1，它相對於其他每個詞元的勝算就乘上 $e \\approx 2.72$。',
      '取指數之前先除以 $T$，等於把這些差距重新縮放。$T < 1$ 時差距被放大，分布變得尖銳，機率集中到最大的 logit；當 $T \\to 0$，就變成只挑最大值的 argmax，也就是貪婪解碼。$T > 1$ 時差距被縮小，分布變得平坦，逐漸接近均勻的 $1/5$。聊天模型裡的「溫度」設定，調的正是這個參數。',
      '模型輸出的不是這張長條圖，而是從中抽出一個詞元。按下「抽出的詞元數」的播放鍵，用顯示的種子一個一個抽，最多抽 100 個：每根長條上的深色橫線，是該詞元目前在所有抽樣中所佔的比例，圖下那一列則是次數。只抽幾次時，比例離 $p$ 很遠，之後才慢慢靠近，大約以 $1/\\sqrt{k}$ 的速度；圖下那一行顯示抽 100,000 次時，比例與 $p$ 大約吻合到小數第三位。同一個種子會抽出同樣的詞元，所以分享出去的連結會重現同一次抽樣。',
      '熵 $H(p) = -\\sum_i p_i \\ln p_i$ 衡量分布有多分散：某個詞元拿走全部機率時是 0 nats，五個詞元機率相同時達到最大值 $\\ln 5 \\approx 1.61$ nats。把 $T$ 調低，看看 $H$ 怎麼下降。',
      '每個 logit 都加上同一個數 $c$，結果完全不變，因為 $e^{z_i + c} = e^{c}\\,e^{z_i}$，分子與分母的 $e^{c}$ 會互相抵消。電腦正是靠這個性質。64 位元浮點數最大只到約 $1.8 \\times 10^{308}$，$e^{710}$ 就已經溢位成 $\\infty$，而 $\\infty/\\infty$ 沒有數值（JavaScript 稱之為「不是數字」）；反方向，$e^{-746}$ 會被捨入成 0，$0/0$ 同樣沒有定義。穩定版的 Softmax 先減去 $m = \\max_j s_j$：最大的指數項變成 $e^{0} = 1$，不可能溢位，分母至少是 1，數學上的答案卻完全相同。試試「巨大 logits」預設：直接計算的那一列壞掉了，長條卻文風不動。',
      'Softmax 位在每個語言模型的最後一層（產生下一個詞元的機率分布），也出現在每一層注意力機制裡，把相似度分數轉成權重。它還藏在交叉熵損失中：函式庫直接從 logits 計算 $-\\ln p_y = \\ln \\sum_j e^{z_j} - z_y$，用的也是同一招「先減去最大值」（log-sum-exp）。',
    ],
  },
};

import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the entropy page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'Entropy measures how uncertain a distribution is: how surprised you should expect to be by the outcome. Drag the bars of $p$ (the others shrink or grow to keep the total at 1) or use the sliders, and watch $H(p)$ in bits and nats, the surprisal of every outcome, and the cost of describing $p$ with a model $q$.',
    body: [
      'An outcome of probability $p_i$ carries a surprisal of $-\\log_2 p_i$ bits: a sure thing (p = 1) tells you nothing, a fair coin flip one bit, a 1-in-8 event three bits. Entropy is the average surprisal, $H(p) = -\\sum_i p_i \\log_2 p_i$, the dashed line across the surprisal bars. An outcome with $p_i = 0$ would be infinitely surprising, but it never happens, so it adds $0 \\cdot \\log 0 = 0$ to the average.',
      'Bits and nats are the same quantity in different units: $\\log_2$ gives bits, the natural log $\\ln$ gives nats, and 1 bit = $\\ln 2 \\approx 0.693$ nats. Over $n$ outcomes the entropy is largest, $\\log_2 n$, for the uniform distribution, and 0 when one outcome is certain. The perplexity $2^{H(p)}$ turns the entropy back into a count: a perplexity of 3.4 means you are as unsure as when choosing among 3.4 equally likely options.',
      'With two outcomes everything hangs on one number $p_1$, and the entropy is the binary-entropy curve $H(p_1) = -p_1 \\log_2 p_1 - (1 - p_1)\\log_2(1 - p_1)$: 0 at both ends, one full bit at $p_1 = 1/2$. Set the number of outcomes to 2 to follow the point along it.',
      'A model $q$ that is not the true $p$ pays extra. Coding outcomes drawn from $p$ with lengths $-\\log_2 q_i$ costs the cross-entropy $H(p, q) = -\\sum_i p_i \\log_2 q_i = H(p) + D_{\\mathrm{KL}}(p \\,\\|\\, q)$ bits on average: the unavoidable $H(p)$ plus the KL divergence, which is 0 only when $q = p$. The split bar shows both parts. If $q$ gives probability 0 to an outcome that $p$ can produce, the cost is infinite: the model called impossible something that happens.',
      'Why it matters for LLMs: a language model is trained to lower exactly this cross-entropy between the text and its predictions (the cross-entropy loss), and since $H(p)$ of the data is fixed, training shrinks the KL part. The entropy of the next-token distribution says how open the continuation is, and the perplexity of a model on a text, $2^{\\text{average bits per token}}$, is the standard measure of how well it predicts a sentence: a complex sentence has a higher perplexity.',
    ],
  },
  'zh-TW': {
    intro:
      '熵衡量一個分布有多不確定：平均而言，結果會讓你有多驚訝。拖動 $p$ 的長條（其他長條會跟著縮放，讓總和維持 1），或使用滑桿，觀察 $H(p)$ 以 bits 與 nats 表示的大小、每個結果的驚奇度，以及用模型 $q$ 來描述 $p$ 的代價。',
    body: [
      '機率為 $p_i$ 的結果帶有 $-\\log_2 p_i$ bits 的驚奇度：必然發生的事（p = 1）不帶任何資訊，公正的硬幣一次是 1 bit，八分之一機率的事件是 3 bits。熵就是驚奇度的平均值 $H(p) = -\\sum_i p_i \\log_2 p_i$，也就是驚奇度長條上那條虛線。$p_i = 0$ 的結果若發生會無限驚訝，但它從不發生，所以對平均的貢獻是 $0 \\cdot \\log 0 = 0$。',
      'bits 與 nats 是同一個量的不同單位：以 $\\log_2$ 計算得到 bits，以自然對數 $\\ln$ 計算得到 nats，1 bit = $\\ln 2 \\approx 0.693$ nats。在 $n$ 個結果中，均勻分布的熵最大，為 $\\log_2 n$；某個結果確定發生時，熵為 0。困惑度 $2^{H(p)}$ 把熵換回一個「個數」：困惑度 3.4 表示你的不確定程度，就像在 3.4 個等可能的選項中挑一個。',
      '只有兩個結果時，一切取決於一個數 $p_1$，熵就是二元熵曲線 $H(p_1) = -p_1 \\log_2 p_1 - (1 - p_1)\\log_2(1 - p_1)$：兩端為 0，在 $p_1 = 1/2$ 時達到 1 bit。把結果的個數設為 2，就能看到目前的點沿著曲線移動。',
      '模型 $q$ 若不等於真正的 $p$，就得多付代價。用長度 $-\\log_2 q_i$ 來編碼從 $p$ 抽出的結果，平均需要交叉熵 $H(p, q) = -\\sum_i p_i \\log_2 q_i = H(p) + D_{\\mathrm{KL}}(p \\,\\|\\, q)$ bits：無法避免的 $H(p)$，加上 KL 散度；只有 $q = p$ 時 KL 散度才是 0。分段長條把兩部分畫了出來。如果 $q$ 給某個 $p$ 會產生的結果機率 0，代價就是無限大：模型把真的會發生的事判定為不可能。',
      '為什麼對大型語言模型很重要：訓練語言模型，就是在降低文本與模型預測之間的交叉熵（交叉熵損失）；資料本身的 $H(p)$ 是固定的，所以訓練縮小的是 KL 散度那一段。下一個詞元的機率分布的熵，表示接下來的文字有多開放；模型在一段文本上的困惑度 $2^{\\text{每個詞元的平均 bits}}$，則是衡量它多會預測一個句子的標準指標：越複雜的句子，困惑度越高。',
    ],
  },
};

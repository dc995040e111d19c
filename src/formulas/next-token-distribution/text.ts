import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the next-token page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'At every step a language model gives each possible next token a logit, and a sampler turns those scores into one chosen token. Follow the pipeline a real sampler runs for “The weather today is ___”: divide by the temperature, take the softmax, keep the top $k$, keep the nucleus of probability $p$, renormalise, and draw.',
    body: [
      'A model learns a probability distribution over its vocabulary for the next token, given the tokens so far. The logits $z$ are its raw scores; $z/T$ rescales their gaps (a low temperature sharpens, a high one flattens) and softmax turns them into probabilities $p_i = e^{z_i/T} / \\sum_j e^{z_j/T}$.',
      'Real samplers then cut the tail. Top-$k$ keeps only the $k$ most likely tokens; top-$p$ (nucleus sampling) keeps the smallest set of top tokens whose probabilities reach $p$, so it keeps few tokens when the model is sure and many when it is not. Whatever survives is divided by its own total, so it sums to 1 again. The greyed bars are the tokens cut at each stage; they are still there, with probability 0.',
      'Greedy decoding always takes the most likely token: repeatable, but dull and prone to loops. Sampling draws a token at random with the renormalised probabilities. Press “Sample 1” a few times, then “Sample 1,000”: with a handful of draws the histogram strays far from the dots, with a thousand it hugs them, the gap shrinking roughly as $1/\\sqrt{N}$. The seed is in the link, so the same link draws the same tokens.',
      'The entropy of each stage, $H = -\\sum_i p_i \\ln p_i$ in nats, says how open the choice is; its exponential, the perplexity, is the number of equally likely tokens that would be as uncertain. Top-$k$ and top-$p$ lower both: they trade variety for safety.',
      'Generating text repeats this step. The small table below gives, for each of about fifteen words, the logits of the words that may follow it, and the same temperature, top-$k$ and top-$p$ pick each next word. The probability of the whole sentence is the chain rule $P(w_1 \\dots w_m) = \\prod_i P(w_i \\mid w_{<i})$; a real model conditions on every word before, this table only on the last one (a bigram model). Products of many small numbers underflow, so models add log-probabilities instead: $\\sum_i \\ln P(w_i \\mid w_{<i})$, whose negative mean is the cross-entropy of the sentence and whose exponential is its perplexity.',
    ],
  },
  'zh-TW': {
    intro:
      '語言模型每一步都會替每個可能的下一個詞元給一個 logit，再由抽樣器把這些分數變成一個選定的詞元。跟著真實抽樣器的流程走一遍「今天的天氣很＿＿」：除以溫度、取 Softmax、保留前 $k$ 個、保留累積機率達到 $p$ 的核心、重新歸一化，然後抽樣。',
    body: [
      '模型學到的是：在已知前文的情況下，下一個詞元在整個詞彙上的機率分布。logits $z$ 是它的原始分數；$z/T$ 重新縮放分數之間的差距（低溫讓分布變尖銳，高溫讓它變平坦），Softmax 函數再把它們變成機率 $p_i = e^{z_i/T} / \\sum_j e^{z_j/T}$。',
      '實際的抽樣器接著會剪掉尾巴。top-$k$ 只保留機率最高的 $k$ 個詞元；top-$p$（核心抽樣）保留機率加總達到 $p$ 的最小一組高機率詞元，所以模型有把握時留下的少，沒把握時留下的多。剩下的詞元再除以它們自己的總和，讓機率重新加總為 1。變灰的長條就是每個階段被刪去的詞元：它們仍在原位，只是機率為 0。',
      '貪婪解碼永遠選機率最高的詞元：結果可以重現，但單調，也容易陷入重複。抽樣則依重新歸一化後的機率隨機抽一個詞元。先按幾次「抽 1 個」，再按「抽 1,000 個」：只抽幾次時，直方圖離圓點很遠；抽一千次時就緊貼著圓點，差距大約以 $1/\\sqrt{N}$ 縮小。種子寫在連結裡，所以同一個連結會抽出同樣的詞元。',
      '每個階段的熵 $H = -\\sum_i p_i \\ln p_i$（單位 nats）表示選擇有多開放；它的指數，也就是困惑度，等於「同樣不確定時，等可能的詞元個數」。top-$k$ 與 top-$p$ 會讓兩者都下降：用多樣性換取安全。',
      '生成文字就是重複這一步。下方的小表格替大約十五個詞各列出「接在它後面的詞」的 logits，並用同樣的溫度、top-$k$ 與 top-$p$ 選出下一個詞。整句話的機率由連鎖律給出：$P(w_1 \\dots w_m) = \\prod_i P(w_i \\mid w_{<i})$；真正的模型會以前面所有的詞為條件，這張表只看前一個詞（二元語法模型）。許多小數相乘會下溢，所以模型改為把對數機率相加：$\\sum_i \\ln P(w_i \\mid w_{<i})$，它的負平均值就是這句話的交叉熵，其指數就是困惑度。',
    ],
  },
};

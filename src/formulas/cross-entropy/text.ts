import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the cross-entropy page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'Training a language model asks one question at every position of the text: how much probability did you give the token that actually came next? Cross-entropy charges $-\\ln q_y$ for the answer: almost nothing when the model was sure and right, a lot when it was sure and wrong. Pick the true token, drag the logits, and follow the point along the $-\\ln$ curve.',
    body: [
      'The model outputs logits $z$, and softmax turns them into a predicted distribution $q$. The target is one-hot: 1 for the true token $y$, 0 for every other. The general cross-entropy $H(y, q) = -\\sum_i y_i \\ln q_i$ therefore keeps a single term, $-\\ln q_y$. If $q_y = 1$ the loss is 0; every halving of $q_y$ adds $\\ln 2 \\approx 0.69$; and as $q_y \\to 0$ the loss grows without bound, which is why a confident wrong answer is punished so hard.',
      'Libraries never form $q$ first and then take a logarithm. They compute $L = \\ln \\sum_j e^{z_j} - z_y$ straight from the logits, subtracting the largest logit inside the log-sum-exp, so even logits of ±1000 give an exact, finite loss. The gradient is strikingly simple: $\\partial L / \\partial z_i = q_i - y_i$. Every wrong token is pushed down by its own probability and the true token is pulled up by $1 - q_y$; the “show data” table lists these numbers.',
      'Cross-entropy splits into two parts: $H(y, q) = H(y) + D_{\\mathrm{KL}}(y \\,\\|\\, q)$. The entropy $H(y)$ of the target is fixed by the data; only the KL divergence depends on the model. For a one-hot target $H(y) = 0$, so minimising cross-entropy is exactly minimising the KL divergence from the data to the model. Averaged over a text, $e^{L}$ is the perplexity: a loss of $\\ln 5 \\approx 1.61$ means the model is as unsure as a fair pick among five tokens.',
      'With two classes a single probability $p$ is enough, and the loss becomes binary cross-entropy, $-[t \\ln p + (1 - t) \\ln(1 - p)]$. With $t = 1$ it is the $-\\ln p$ curve, with $t = 0$ its mirror image $-\\ln(1 - p)$, and a soft label $t$ between 0 and 1 blends the two. The blended curve is lowest at $p = t$, where its height is the binary entropy $H(t)$; the gap above that floor is $D_{\\mathrm{KL}}(t \\,\\|\\, p)$, drawn as the vertical bar in the second plot. This is the loss of a sigmoid output, such as a classifier that answers yes or no.',
      'Why not mean squared error on the probabilities? The squared error of $q_y$ is at most 1, and its gradient through softmax fades exactly when the model is confidently wrong, while $-\\ln q_y$ keeps a strong gradient there. Cross-entropy is the negative log-likelihood of a categorical distribution, just as mean squared error is the negative log-likelihood of a Gaussian with fixed variance.',
    ],
  },
  'zh-TW': {
    intro:
      '訓練語言模型時，文本的每個位置都在問同一個問題：你給「真正出現的下一個詞元」多少機率？交叉熵用 $-\\ln q_y$ 來計價：模型很有把握又答對時幾乎不扣分，很有把握卻答錯時就扣很多。選出正確的詞元、拖動 logits，看看那個點如何沿著 $-\\ln$ 曲線移動。',
    body: [
      '模型先輸出 logits $z$，再由 Softmax 函數轉成預測的機率分布 $q$。目標標籤是 one-hot 向量：正確詞元 $y$ 的位置是 1，其他都是 0。於是一般形式的交叉熵 $H(y, q) = -\\sum_i y_i \\ln q_i$ 只剩下一項：$-\\ln q_y$。$q_y = 1$ 時損失為 0；$q_y$ 每減半，損失就多 $\\ln 2 \\approx 0.69$；$q_y \\to 0$ 時損失會無限增大，這正是「自信地答錯」會被重罰的原因。',
      '實際的函式庫不會先算出 $q$ 再取對數，而是直接從 logits 計算 $L = \\ln \\sum_j e^{z_j} - z_y$，並在 log-sum-exp 裡先減去最大的 logit，所以即使 logits 大到 ±1000，損失仍然精確而有限。它的梯度簡單得驚人：$\\partial L / \\partial z_i = q_i - y_i$。每個錯誤的詞元都被自己的機率往下推，正確的詞元則被 $1 - q_y$ 往上拉；「顯示資料」表格列出了這些數字。',
      '交叉熵可以拆成兩部分：$H(y, q) = H(y) + D_{\\mathrm{KL}}(y \\,\\|\\, q)$。目標分布的熵 $H(y)$ 由資料決定，只有 KL 散度跟模型有關。目標是 one-hot 時 $H(y) = 0$，因此最小化交叉熵，就等於最小化資料分布到模型分布的 KL 散度。把損失對整段文本取平均後，$e^{L}$ 就是困惑度（perplexity）：損失 $\\ln 5 \\approx 1.61$ 代表模型的猶豫程度，相當於在五個詞元之間公平地隨機挑一個。',
      '只有兩個類別時，一個機率 $p$ 就夠了，損失變成二元交叉熵 $-[t \\ln p + (1 - t) \\ln(1 - p)]$。$t = 1$ 時它就是 $-\\ln p$ 曲線，$t = 0$ 時是左右翻轉的 $-\\ln(1 - p)$；介於 0 與 1 之間的軟標籤 $t$ 則把兩條曲線混合。混合後的曲線在 $p = t$ 處最低，高度正是二元熵 $H(t)$；高出這個底線的部分就是 $D_{\\mathrm{KL}}(t \\,\\|\\, p)$，也就是第二張圖中的垂直線段。這是 Sigmoid 輸出所用的損失，例如回答「是或否」的二分類器。',
      '為什麼不對機率使用均方誤差？$q_y$ 的平方誤差最多只有 1，而且經過 Softmax 之後，它的梯度恰好在模型「自信地答錯」時變得很小；$-\\ln q_y$ 在那裡仍保有很強的梯度。交叉熵是類別分布的負對數似然，正如均方誤差是固定變異數高斯分布的負對數似然。',
    ],
  },
};

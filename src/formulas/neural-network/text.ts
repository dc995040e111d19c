import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the neural-network page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'A neuron takes a weighted sum of its inputs, adds a bias and passes the result through an activation: $y = f(w_1 x_1 + w_2 x_2 + b)$. On its own it can only split the plane with one straight line. Stack neurons into layers and train their weights, and the network bends that line into any shape the data needs. Set one neuron by hand first, then watch a small network learn.',
    body: [
      'The sum $z = w \\cdot x + b$ is zero on a straight line, the decision boundary $w_1 x_1 + w_2 x_2 + b = 0$. The weight vector $w$ is perpendicular to it and points to the side where $z > 0$; the bias $b$ slides the line along $w$ without turning it. The activation only reshapes the output across the line: the sigmoid squeezes it into $(0, 1)$, tanh into $(-1, 1)$, and ReLU is zero on one side and grows linearly on the other. Whichever you choose, the line where the output crosses its middle is the same.',
      'That is why one neuron can compute AND ($w = (1, 1)$, $b = -1.5$) and OR ($b = -0.5$), but never XOR. XOR is 1 at $(0, 1)$ and $(1, 0)$ and 0 at $(0, 0)$ and $(1, 1)$: if $w \\cdot x + b > 0$ at the two 1s, adding those two inequalities gives $w_1 + w_2 + 2b > 0$, while the two 0s give $w_1 + w_2 + 2b \\le 0$. No weights satisfy both. Minsky and Papert’s 1969 proof of this stalled neural-network research for a decade; the way out is a hidden layer.',
      'A network chains layers: each hidden neuron computes its own line and bends it with the activation, and the next layer combines those bent pieces. With a non-linear activation, two hidden layers of a few neurons can already carve out a ring or follow a spiral; without one, any stack of layers is still a single straight line. The last layer here gives one number per class (the logits), softmax turns them into probabilities, and the loss is their cross-entropy with the true class.',
      'Training is full-batch gradient descent on that loss: backpropagation gives the gradient of every weight, and the optimizer you choose takes the step. Press play to train. The regions repaint as the weights move; point at a hidden neuron to see the single bent line it contributes. The test points were never used for training, so the gap between the two loss curves is how much the network memorized instead of learning: with much noise, few training points and many neurons, the test loss turns up while the training loss keeps falling, which is overfitting.',
      'Everything is seeded: the seed fixes the data and the starting weights, and the link carries the seed, the architecture and the step, so whoever opens it sees the same network at the same step. A learning rate that is too large makes the loss jump around instead of falling, and with ReLU it can kill neurons for good (the preset “too large a step”). Should a run ever overflow, the page stops it at the last finite step and says so.',
      'Why it matters for LLMs: a large language model is the same building block at enormous scale. Its feed-forward layers are exactly these weighted sums and activations (with GELU in place of ReLU), billions of them, trained by backpropagation and Adam on the cross-entropy of the next token.',
    ],
  },
  'zh-TW': {
    intro:
      '一個神經元把輸入加權總和、加上偏差，再通過激活函數：$y = f(w_1 x_1 + w_2 x_2 + b)$。單獨一個神經元只能用一條直線把平面切成兩半；把神經元一層層堆疊起來並訓練權重，神經網路就能把那條線彎成資料需要的任何形狀。先親手設定一個神經元，再看一個小型神經網路如何學習。',
    body: [
      '加權總和 $z = w \\cdot x + b$ 在一條直線上等於 0，這就是決策邊界 $w_1 x_1 + w_2 x_2 + b = 0$。權重向量 $w$ 與這條線垂直，指向 $z > 0$ 的那一側；偏差 $b$ 讓直線沿著 $w$ 平移而不轉動。激活函數只改變輸出在直線兩側的樣子：Sigmoid 函數把輸出壓到 $(0, 1)$，tanh 函數壓到 $(-1, 1)$，ReLU 函數則在一側為 0、另一側線性增加。不論選哪一個，輸出跨過中間值的那條線都一樣。',
      '所以一個神經元可以算出 AND（$w = (1, 1)$，$b = -1.5$）與 OR（$b = -0.5$），卻永遠算不出 XOR。XOR 在 $(0, 1)$ 與 $(1, 0)$ 為 1，在 $(0, 0)$ 與 $(1, 1)$ 為 0：若兩個 1 都滿足 $w \\cdot x + b > 0$，兩式相加得到 $w_1 + w_2 + 2b > 0$；兩個 0 卻給出 $w_1 + w_2 + 2b \\le 0$。沒有任何權重能同時滿足。Minsky 與 Papert 在 1969 年證明了這一點，讓神經網路的研究停滯了十年；解決之道就是加入隱藏層。',
      '神經網路把層串接起來：每個隱藏神經元各自算出一條直線，再用激活函數把它彎曲，下一層再把這些彎曲的片段組合起來。有了非線性的激活函數，兩個各有幾個神經元的隱藏層就能圍出圓環、沿著螺旋走；沒有它，不論疊多少層都仍然只是一條直線。這裡的最後一層為每個類別給出一個數（logits），Softmax 函數把它們變成機率，損失函數則是它們與正確類別之間的交叉熵。',
      '訓練就是對這個損失做全批次的梯度下降法：反向傳播演算法算出每個權重的梯度，再由你選的優化器走一步。按下播放開始訓練。權重移動時決策區域會跟著重畫；把滑鼠移到某個隱藏神經元上，就能看到它單獨貢獻的那條彎曲的線。測試資料從未用來訓練，所以兩條損失曲線之間的差距，就是網路「背答案」而不是真正學會的程度：雜訊多、訓練資料少、神經元又多時，訓練損失持續下降，測試損失卻開始上升，這就是過擬合。',
      '一切都由種子決定：種子固定了資料與初始權重，連結則帶著種子、網路架構與步數，任何人打開都會看到同一步的同一個網路。學習率太大時，損失會上下震盪而不是下降；用 ReLU 時還可能讓神經元永遠「死亡」（見預設「步伐太大」）。萬一數值溢位，頁面會停在最後一個有限的步數，並說明原因。',
      '為什麼這對大型語言模型很重要：大型語言模型就是把同樣的基本單元放大到極致。它的前饋網路正是這些加權總和與激活函數（以 GELU 取代 ReLU），數量達數十億個，並以反向傳播與 Adam 優化器、針對下一個詞元的交叉熵進行訓練。',
    ],
  },
};

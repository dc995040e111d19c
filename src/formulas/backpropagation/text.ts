import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the backpropagation page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'A network learns by nudging every weight against its gradient, so it needs $\\partial L / \\partial w$ for every single weight. Backpropagation gets all of them from one forward pass and one backward pass: the chain rule, applied layer by layer from the loss back to the input. Step through one training step below, and pick any weight to see its gradient multiplied out with the current numbers.',
    body: [
      'Forward, each neuron forms a weighted sum $z = \\sum_j w_j a_j + b$ of the layer before it and passes it through the activation, $a = f(z)$; the output layer here is linear, and the loss is the mean squared error $L = \\tfrac{1}{m}\\sum_j (y_j - \\hat y_j)^2$ against the target.',
      "Backward, the chain rule splits the gradient of a weight into three local factors: how the loss changes with the neuron’s output, $\\partial L / \\partial a$; how the output changes with the sum, $\\partial a / \\partial z = f'(z)$; and how the sum changes with the weight, $\\partial z / \\partial w$, which is simply the input the weight multiplies. For a hidden neuron $\\partial L / \\partial a$ is not known directly: the neuron reaches the loss through every output, so it is the sum over those paths, $\\sum_k \\tfrac{\\partial L}{\\partial \\hat y_k} w_{k}$. That sum is why the backward pass runs layer by layer: each layer reuses the products already computed for the layer after it, and the whole gradient costs about as much as one more forward pass.",
      'The finite difference $\\bigl(L(w + h) - L(w - h)\\bigr) / 2h$ beside each gradient is an independent check: it nudges one weight and reruns the network. It agrees to many digits, but it needs two forward passes per weight; a model with billions of weights can only afford backpropagation. With ReLU, a neuron whose $z$ sits exactly at 0 has no derivative and the two may differ there.',
      'The update $w \\leftarrow w - \\eta\\, \\partial L / \\partial w$ is one step of gradient descent. A small learning rate $\\eta$ lowers the loss a little; a large one can overshoot and raise it, which the page reports after the update.',
      "The second plot is a deeper network of two neurons per layer. Each layer backward multiplies the gradient by a weight and by $f'(z)$, and the sigmoid’s slope is at most $1/4$: after a few sigmoid layers the first layer’s gradient is orders of magnitude smaller than the last one’s, the vanishing gradient. tanh’s slope reaches 1 and fades more slowly; ReLU’s is exactly 1 for every active neuron.",
      'Why it matters for LLMs: a language model is trained by exactly this loop, with the cross-entropy of the next token as its loss and backpropagation through every attention and feed-forward layer. Residual connections and layer normalization exist largely to keep these gradients from vanishing or exploding across dozens of layers.',
    ],
  },
  'zh-TW': {
    intro:
      '神經網路靠著把每個權重朝梯度的反方向微調來學習，所以它需要每一個權重的 $\\partial L / \\partial w$。反向傳播演算法只要一次前向、一次反向計算就能得到全部的梯度：把連鎖律從損失開始，一層一層往輸入套用。在下面逐步走過一次訓練步驟，並選任何一個權重，看它的梯度如何用目前的數字乘出來。',
    body: [
      '前向計算時，每個神經元先對前一層做加權總和 $z = \\sum_j w_j a_j + b$，再通過激活函數得到 $a = f(z)$；這裡的輸出層是線性的，損失函數是與目標值比較的均方誤差 $L = \\tfrac{1}{m}\\sum_j (y_j - \\hat y_j)^2$。',
      "反向計算時，連鎖律把一個權重的梯度拆成三個局部因子：損失隨神經元輸出的變化 $\\partial L / \\partial a$；輸出隨加權總和的變化 $\\partial a / \\partial z = f'(z)$；以及加權總和隨權重的變化 $\\partial z / \\partial w$，也就是這個權重所乘的那個輸入。隱藏神經元的 $\\partial L / \\partial a$ 無法直接得到：它經由每一個輸出影響損失，所以要把這些路徑加總，$\\sum_k \\tfrac{\\partial L}{\\partial \\hat y_k} w_{k}$。正因為這個加總，反向傳播才一層一層進行：每一層都重複利用後一層已經算好的乘積，整組梯度的計算量大約只相當於再做一次前向計算。",
      '每個梯度旁邊的有限差分 $\\bigl(L(w + h) - L(w - h)\\bigr) / 2h$ 是一個獨立的檢驗：它微調單一權重、重新跑一次網路。兩者吻合到很多位數，但有限差分每個權重都要做兩次前向計算；擁有數十億個權重的模型，只負擔得起反向傳播。使用 ReLU 函數時，若某個神經元的 $z$ 剛好等於 0，那裡沒有導數，兩者可能不一致。',
      '更新 $w \\leftarrow w - \\eta\\, \\partial L / \\partial w$ 就是梯度下降法的一步。學習率 $\\eta$ 小時損失會稍微下降；太大時可能衝過頭，反而讓損失上升，更新之後頁面會告訴你。',
      "第二張圖是一個更深的網路，每層兩個神經元。反向傳播每經過一層，梯度就要乘上一個權重和 $f'(z)$，而 Sigmoid 函數的斜率最多只有 $1/4$：經過幾層 Sigmoid 之後，第一層的梯度比最後一層小了好幾個數量級，這就是梯度消失。tanh 函數的斜率最大可到 1，衰減得比較慢；ReLU 函數對每個活躍的神經元，斜率剛好是 1。",
      '為什麼這對大型語言模型很重要：語言模型正是用這個迴圈訓練的，損失是下一個詞元的交叉熵，反向傳播則穿過每一層注意力機制與前饋網路。殘差連接與層正規化之所以存在，很大一部分就是為了讓梯度在數十層之間不會消失或爆炸。',
    ],
  },
};

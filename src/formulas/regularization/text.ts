import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the regularization page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'A model with many weights can fit its training data too well: it learns the noise along with the pattern, and does worse on data it has not seen. Regularization adds a price on large weights to the training loss, $J(w) = \\mathrm{MSE} + \\lambda R(w)$, so the fit must buy every bit of wiggle with a real drop in error. Here a polynomial of degree up to 9 is fitted to twelve noisy points of $\\sin(\\pi x)$; slide $\\lambda$, switch between L1 and L2, and drag a point to see what one outlier does.',
    body: [
      'With $\\lambda$ near 0 and degree 9 there are ten weights for twelve points, and the curve threads almost every point: the training error is tiny, the held-out error is large. That is overfitting. With $\\lambda$ large every penalized weight is pushed to 0 and the curve flattens toward the mean: both errors are high, which is underfitting. In between, the held-out error dips to a minimum, the bottom of the U-shaped curve, near the noise floor $\\sigma^2 = 0.09$ that no model can beat. Generalization is choosing $\\lambda$ (and the degree) by that held-out curve, never by the training error, which only ever grows with $\\lambda$.',
      'L2 (ridge) adds $\\lambda \\sum_k w_k^2$. Its minimizer has a closed form, $w = (X^\\top X + n\\lambda I)^{-1} X^\\top y$ (here computed by a QR solve, which stays accurate even when the powers of $x$ make $X^\\top X$ nearly singular): every weight shrinks smoothly and none becomes exactly 0. L1 (the lasso) adds $\\lambda \\sum_k |w_k|$. It has no closed form; coordinate descent updates one weight at a time by soft thresholding, $w_k \\leftarrow \\operatorname{sign}(\\rho)\\max(|\\rho| - \\lambda^{\\prime}, 0)$, which sets a weight to exactly 0 whenever its correlation with the residual is too small to pay the price. The bars ring those zeros and the table shows them as 0.',
      'The picture with two weights shows why. Minimizing $L(w) + \\lambda R(w)$ is the same as minimizing $L$ inside a region $R(w) \\le t$: a circle for L2, a diamond for L1. The optimum is where the smallest level line of the loss touches the region. A circle is round everywhere, so it is touched at a generic point with both weights non-zero; a diamond has corners on the axes, and an ellipse coming from the side usually touches a corner first, so one weight is exactly 0. As $\\lambda$ grows the regions shrink, the optima move toward the origin, and the L1 path runs along the $w_1$ axis once $w_2$ has hit 0.',
      'Weight decay in the optimizers is L2 in disguise. [SGD](/sgd) with weight decay $\\mathrm{wd}$ adds $\\mathrm{wd}\\cdot w$ to the gradient, which is the gradient of $L + \\tfrac{\\mathrm{wd}}{2}\\|w\\|^2$: plain L2 with $\\lambda = \\mathrm{wd}/2$. In [Adam](/adam) the same added term is divided by Adam’s per-weight scale, so weights with large gradients are barely regularized; AdamW instead decouples the decay, shrinking every weight by $w \\leftarrow w - \\eta\\,\\mathrm{wd}\\, w$ after the Adam step.',
      'Why it matters for LLMs: large language models are trained with AdamW and a weight decay of about 0.1, the L2 idea applied to billions of weights, together with dropout and simply more data. The intercept here is left unpenalized for the same reason LLM training often exempts biases and layer-norm gains from decay: they set offsets and scales, not the complexity of the function.',
    ],
  },
  'zh-TW': {
    intro:
      '權重很多的模型可能把訓練資料擬合得「太好」：連雜訊也一起學進去，遇到沒看過的資料反而表現更差。正則化在訓練損失上加一筆對大權重的懲罰，$J(w) = \\mathrm{MSE} + \\lambda R(w)$，讓模型每多扭一下曲線，都必須換來真正的誤差下降。這裡用最高 9 次的多項式擬合 12 個帶雜訊的 $\\sin(\\pi x)$ 資料點；調整 $\\lambda$、切換 L1 與 L2，再拖曳一個點，看看一個離群值會造成什麼影響。',
    body: [
      '當 $\\lambda$ 接近 0、次數為 9 時，12 個點配上 10 個權重，曲線幾乎穿過每一個點：訓練誤差極小，保留資料的誤差卻很大，這就是過擬合。$\\lambda$ 很大時，每個受懲罰的權重都被壓向 0，曲線變平、接近平均值，兩種誤差都高，這是欠擬合。在兩者之間，保留資料誤差會降到最低點，也就是 U 形曲線的谷底，接近任何模型都無法突破的雜訊下限 $\\sigma^2 = 0.09$。所謂泛化，就是依照這條保留資料曲線來選 $\\lambda$（與次數），而不是看訓練誤差——訓練誤差只會隨 $\\lambda$ 增加而上升。',
      'L2 正則化（嶺迴歸）加上 $\\lambda \\sum_k w_k^2$。它的最佳解有封閉形式 $w = (X^\\top X + n\\lambda I)^{-1} X^\\top y$（這裡用 QR 分解求解，即使 $x$ 的各次方讓 $X^\\top X$ 幾乎奇異，結果依然準確）：每個權重平滑地縮小，但沒有一個會恰好變成 0。L1 正則化（Lasso）加上 $\\lambda \\sum_k |w_k|$，沒有封閉形式；座標下降法一次更新一個權重，使用軟閾值 $w_k \\leftarrow \\operatorname{sign}(\\rho)\\max(|\\rho| - \\lambda^{\\prime}, 0)$：只要某個權重與殘差的相關性不足以付出這筆代價，它就被設成恰好為 0。長條圖會把這些 0 圈起來，表格裡也寫成 0。',
      '兩個權重的圖說明了原因。最小化 $L(w) + \\lambda R(w)$，等同於在區域 $R(w) \\le t$ 內最小化 $L$：L2 的區域是圓，L1 的是菱形。最佳解落在損失函數最小的那條等高線剛好碰到區域的地方。圓處處圓滑，通常在兩個權重都不為 0 的位置相切；菱形的角落在座標軸上，從側面靠近的橢圓往往先碰到角，於是其中一個權重恰好為 0。隨著 $\\lambda$ 增大，區域縮小，最佳解往原點移動；一旦 $w_2$ 變成 0，L1 的路徑就沿著 $w_1$ 軸前進。',
      '優化器裡的權重衰減（weight decay）其實就是 L2 正則化。帶權重衰減 $\\mathrm{wd}$ 的 [SGD](/sgd) 會在梯度上加 $\\mathrm{wd}\\cdot w$，這正是 $L + \\tfrac{\\mathrm{wd}}{2}\\|w\\|^2$ 的梯度，也就是 $\\lambda = \\mathrm{wd}/2$ 的 L2。在 [Adam](/adam) 裡，同樣加上的這一項會被 Adam 每個參數各自的縮放除掉，梯度大的權重幾乎沒被正則化；AdamW 則把衰減獨立出來，在 Adam 的更新之後，讓每個權重都按 $w \\leftarrow w - \\eta\\,\\mathrm{wd}\\, w$ 縮小。',
      '對大型語言模型的意義：大型語言模型多半用 AdamW 訓練，權重衰減約 0.1，把 L2 的想法套用到數十億個權重上，再加上 dropout 與更多的資料。這裡的截距 $w_0$ 不受懲罰，理由和訓練大型語言模型時常讓偏差項與層正規化的增益免於衰減一樣：它們決定的是平移與縮放，而不是函數的複雜度。',
    ],
  },
};

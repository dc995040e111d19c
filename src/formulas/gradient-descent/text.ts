import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the gradient-descent page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'Training a language model means making a loss $L(\\theta)$ small by changing its parameters $\\theta$. Gradient descent does it one step at a time: compute the gradient $\\nabla L(\\theta)$, the direction in which the loss rises fastest, and move a little the other way, $\\theta \\leftarrow \\theta - \\eta\\,\\nabla L(\\theta)$. Drag the start, choose a landscape and press play.',
    body: [
      'On a curve the gradient is just the slope of the tangent. Where the curve is steep the slope is large and the step $\\eta\\,\\nabla L$ is long; near the bottom the slope shrinks and so do the steps, which is why a run slows down as it arrives. The learning rate $\\eta$ sets how far each step goes for a given slope.',
      'On a surface the gradient is a vector that points straight uphill, across the contour lines, and $-\\nabla L$ points straight downhill. In a round bowl downhill points at the centre and the run goes straight there. In a narrow bowl downhill points mostly across the valley, not along it: with a large $\\eta$ the run bounces from wall to wall while it creeps along the floor. That zig-zag is what momentum and Adam were invented to fix.',
      'A step that is too large for the curvature overshoots. On a quadratic with curvature $L$ each step multiplies the distance to the minimum by $1 - \\eta L$, so the run converges only while $\\eta < 2/L$; past that it diverges, and this page stops the run at its last finite point and says so rather than drawing infinities.',
      'The gradient is zero at a minimum, but also at a saddle point, which is a minimum in one direction and a maximum in another. A run that starts exactly on the ridge of the saddle surface slides to the saddle and stays there; the smallest nudge off the ridge lets it fall into one of the two valleys. In the millions of dimensions of a real network, saddles and long flat stretches are far more common than bad local minima.',
      'Why it matters for LLMs: every weight of a language model, billions of them, is found this way. Backpropagation computes $\\nabla L$ for a batch of text, and an optimizer built on this very update (usually Adam with a learning-rate schedule) takes hundreds of thousands of such steps.',
    ],
  },
  'zh-TW': {
    intro:
      '訓練語言模型，就是調整參數 $\\theta$ 讓損失 $L(\\theta)$ 變小。梯度下降法一步一步來：先算出梯度 $\\nabla L(\\theta)$，也就是損失上升最快的方向，再往反方向走一小步：$\\theta \\leftarrow \\theta - \\eta\\,\\nabla L(\\theta)$。拖動起點、選一個地形，然後按下播放。',
    body: [
      '在一條曲線上，梯度就是切線的斜率。曲線陡的地方斜率大，步伐 $\\eta\\,\\nabla L$ 也長；接近谷底時斜率變小，步伐跟著縮短，所以越接近終點走得越慢。學習率 $\\eta$ 決定在同樣的斜率下每一步走多遠。',
      '在曲面上，梯度是一個向量，垂直穿過等高線、指向最陡的上坡，$-\\nabla L$ 則指向最陡的下坡。在圓碗裡，下坡方向正對著中心，一路直直走過去。在狹長的碗裡，下坡方向大多橫越山谷，而不是沿著山谷：學習率一大，就在兩側谷壁間來回彈跳，沿著谷底卻只慢慢前進。這種「之」字形的震盪，正是動量與 Adam 想要解決的問題。',
      '步伐相對於曲率太大，就會衝過頭。在曲率為 $L$ 的二次函數上，每一步都把到最小值的距離乘上 $1 - \\eta L$，所以只有 $\\eta < 2/L$ 時才會收斂；超過這個值就會發散。本頁會把發散的執行停在最後一個有限的點，並說明原因，而不是畫出無限大。',
      '梯度在最小值處是 0，在鞍點也是 0；鞍點在一個方向上是最小值，在另一個方向上卻是最大值。從鞍點曲面的稜線上正好出發的執行，會滑到鞍點後就停住；只要稍微偏離稜線，它就會落進兩個山谷之一。在真實神經網路動輒數百萬維的空間裡，鞍點與平坦的長坡遠比糟糕的局部最小值常見。',
      '為什麼對大型語言模型重要：語言模型的每一個權重，數以十億計，都是這樣找出來的。反向傳播演算法算出一批文字的 $\\nabla L$，再由建立在這個更新式上的優化器（通常是搭配學習率排程的 Adam）走上幾十萬步。',
    ],
  },
};

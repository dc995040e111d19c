import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the vector similarity page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'A language model turns every token into a vector, and similar meanings end up pointing in similar directions. Three numbers measure how alike two vectors $a$ and $b$ are: the dot product $a \\cdot b$, the cosine of the angle between them, and the distance $\\lVert a - b \\rVert$. Drag the tips of $a$ and $b$ (or use the sliders and the arrow keys) and watch all three change.',
    body: [
      'The dot product $a \\cdot b = a_1 b_1 + a_2 b_2$ multiplies matching components and adds them up. Geometrically it equals $\\lVert a \\rVert \\lVert b \\rVert \\cos\\theta$: positive when the vectors point the same way, zero when they are perpendicular, negative when they point apart. It also grows with the lengths, so a long vector has a large dot product with almost everything.',
      'Cosine similarity divides the lengths out: $\\cos\\theta = a \\cdot b / (\\lVert a \\rVert \\lVert b \\rVert)$ lies between $-1$ and $1$ and depends on the direction only. The projection $\\operatorname{proj}_b a = \\frac{a \\cdot b}{b \\cdot b}\\, b$ is the shadow of $a$ on the line of $b$ (the green arrow); its signed length is $\\lVert a \\rVert \\cos\\theta$. A zero vector has no direction, so its angle and cosine are not defined; libraries return a cosine of 0 by convention, and this page says so instead of printing a number.',
      'When do the three measures agree? Switch on “normalize”: every vector is scaled to length 1, so $a \\cdot b = \\cos\\theta$ and $\\lVert \\hat a - \\hat b \\rVert^2 = 2 - 2\\cos\\theta$. The distance then shrinks exactly as the cosine grows, and all three rank neighbours in the same order. Without normalization they need not: on the map, “king” is nearest to “prince” by distance, has the largest dot product with “queen” (a long vector), and points most like “prince”, “man” and “boy”.',
      'The map below is a toy embedding: twenty words, in English and in Chinese, placed by hand in two dimensions so that the lesson works. Real embeddings are learned from text and have hundreds or thousands of dimensions (768 in BERT-base, 12,288 in GPT-3); no two-dimensional picture can show them faithfully. What carries over is the arithmetic: in a good embedding, directions carry meaning, so $\\text{king} - \\text{man} + \\text{woman}$ lands near $\\text{queen}$. The arrows draw that sum head to tail, and the nearest word by cosine (leaving out the three words of the question) is the answer.',
      'Why it matters for LLMs: attention scores are dot products of queries with keys, $q_i \\cdot k_j / \\sqrt{d_k}$, and softmax turns them into weights; retrieval and semantic search rank documents by the cosine similarity of their embeddings; and the output layer scores every token by a dot product with the model’s final hidden vector.',
    ],
  },
  'zh-TW': {
    intro:
      '語言模型會把每個詞元變成一個向量，意思相近的詞，向量的方向也相近。要衡量兩個向量 $a$、$b$ 有多像，常用三種量：內積 $a \\cdot b$、兩者夾角的餘弦，以及距離 $\\lVert a - b \\rVert$。拖動 $a$ 和 $b$ 的尖端（或用滑桿、方向鍵），看看這三個數如何變化。',
    body: [
      '內積 $a \\cdot b = a_1 b_1 + a_2 b_2$ 是把對應的分量相乘再加總。從幾何上看，它等於 $\\lVert a \\rVert \\lVert b \\rVert \\cos\\theta$：兩個向量方向相同時為正，互相垂直時為 0，方向相反時為負。它也會隨長度變大，所以很長的向量和幾乎任何向量的內積都很大。',
      '餘弦相似度把長度除掉：$\\cos\\theta = a \\cdot b / (\\lVert a \\rVert \\lVert b \\rVert)$ 介於 $-1$ 和 $1$ 之間，只和方向有關。投影 $\\operatorname{proj}_b a = \\frac{a \\cdot b}{b \\cdot b}\\, b$ 是 $a$ 落在 $b$ 所在直線上的影子（綠色箭頭），帶正負號的長度是 $\\lVert a \\rVert \\cos\\theta$。零向量沒有方向，所以夾角和餘弦都沒有定義；函式庫依慣例把餘弦記為 0，這一頁則直接說明，不印出一個數字。',
      '三種量什麼時候會一致？打開「正規化」：每個向量都縮放成長度 1，於是 $a \\cdot b = \\cos\\theta$，而且 $\\lVert \\hat a - \\hat b \\rVert^2 = 2 - 2\\cos\\theta$。餘弦越大，距離就越小，三者排出的鄰居順序完全相同。不正規化時就不一定：在地圖上，「國王」依距離最靠近「王子」，和「王后」（一個很長的向量）的內積最大，方向則最像「王子」、「男人」和「男孩」。',
      '下面的地圖是一個玩具詞嵌入：二十個詞（中英文各一套標籤），為了教學用手擺在二維平面上。真正的詞嵌入是從大量文字中學出來的，有數百到數千維（BERT-base 是 768 維，GPT-3 是 12,288 維），任何二維圖都無法如實呈現。能帶走的是其中的運算：好的詞嵌入裡，方向帶有意義，所以 $\\text{國王} - \\text{男人} + \\text{女人}$ 會落在 $\\text{王后}$ 附近。圖中的箭頭把這個和頭尾相接畫出來，依餘弦相似度最接近的詞（不算題目裡的三個詞）就是答案。',
      '為什麼這對大型語言模型很重要：注意力機制的分數就是查詢和鍵的內積 $q_i \\cdot k_j / \\sqrt{d_k}$，再由 Softmax 函數轉成權重；檢索與語意搜尋依詞嵌入的餘弦相似度替文件排序；輸出層也是用內積，拿模型最後的隱藏向量替每一個詞元打分數。',
    ],
  },
};

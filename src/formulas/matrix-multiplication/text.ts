import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the matrix multiplication page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'LLMs turn text into vectors, and almost everything they then do to those vectors is a matrix multiplication: every layer, every attention projection, in training and in inference. The rule is short: entry $c_{ij}$ of $C = AB$ is the dot product of row $i$ of $A$ with column $j$ of $B$. Select any entry of $A$ or $B$ to change it, and hover or focus an entry of $C$ to see which row and column make it.',
    body: [
      'Shapes first. $A$ is $m \\times k$ and $B$ is $k \\times n$; the product $C$ is $m \\times n$. The inner sizes must agree because each $c_{ij} = \\sum_{l=1}^{k} a_{il} b_{lj}$ pairs the $k$ entries of a row of $A$ with the $k$ entries of a column of $B$, one for one. Change $m$, $k$ and $n$ to see the grids and the product follow. The order matters: $BA$ may not exist at all, and when it does it usually differs from $AB$, even in size.',
      'Press Play under “entries of C computed” (or step with the buttons, or the keys “.” and “,”) to fill $C$ one entry at a time, row by row, as a loop would. Each step is one dot product of $k$ multiplications; the whole product costs $m \\cdot k \\cdot n$ of them, which is why GPUs, built to do many at once, run language models.',
      'The transpose $A^\\top$ swaps rows and columns. The switch shows that $(AB)^\\top = B^\\top A^\\top$: the order reverses, which is exactly what keeps the inner sizes matched ($n \\times k$ times $k \\times m$). The check compares the two on the numbers on screen.',
      'A $2 \\times 2$ matrix $M$ is also a map of the plane: $Mx = x_1\\,Me_1 + x_2\\,Me_2$, so its two columns say where the unit vectors $e_1$ and $e_2$ land, and the whole grid follows. The unit square becomes a parallelogram whose area is $\\lvert \\det M \\rvert$. A negative determinant flips the plane over (orientation reverses); a zero determinant squashes the plane onto a line (or a point), the square loses its area, different inputs give the same output, and $M$ cannot be undone. Drag the tip of $x$ to see $Mx$ follow.',
      'In a model: a fully connected layer computes $y = Wx + b$ with $W$ stored out × in, as in PyTorch’s nn.Linear; the bias can ride along as an extra column of $W$ against a 1 appended to $x$. In attention, the token rows $X$ (tokens × $d_{model}$) are projected to queries $Q = XW_Q^\\top$, and likewise to keys and values; the scores $QK^\\top$ are again a matrix product, one dot product per pair of tokens. Try the two presets, then follow the queries to the attention page.',
    ],
  },
  'zh-TW': {
    intro:
      '大型語言模型把文字變成向量，之後對這些向量做的事，幾乎都是矩陣乘法：每一層網路、每一次注意力投影，不論訓練還是推論都一樣。規則很短：$C = AB$ 的元素 $c_{ij}$，就是 $A$ 的第 $i$ 列與 $B$ 的第 $j$ 行的內積。選取 $A$ 或 $B$ 的任一元素來修改；把游標移到 $C$ 的元素上（或用鍵盤聚焦），就能看到它是由哪一列、哪一行算出來的。',
    body: [
      '先看形狀。$A$ 是 $m \\times k$，$B$ 是 $k \\times n$，乘積 $C$ 是 $m \\times n$。內側的大小必須相同，因為每個 $c_{ij} = \\sum_{l=1}^{k} a_{il} b_{lj}$ 都要把 $A$ 一列的 $k$ 個數和 $B$ 一行的 $k$ 個數一一配對。改變 $m$、$k$、$n$，看看方格與乘積如何跟著變。順序也很重要：$BA$ 可能根本不存在，就算存在，通常也和 $AB$ 不同，連大小都可能不一樣。',
      '按下「已算出的 C 元素」的播放鍵（或用按鈕、按鍵「.」和「,」一步一步走），就能像迴圈一樣，一列一列地一次填入 $C$ 的一個元素。每一步是一次有 $k$ 個乘法的內積；整個乘積共要 $m \\cdot k \\cdot n$ 次乘法，這也是為什麼擅長同時做大量乘法的 GPU 能撐起語言模型。',
      '轉置 $A^\\top$ 把列和行互換。打開開關就能看到 $(AB)^\\top = B^\\top A^\\top$：順序反過來，正好讓內側大小繼續對得上（$n \\times k$ 乘以 $k \\times m$）。下方的檢查用畫面上的數字比較兩者。',
      '$2 \\times 2$ 矩陣 $M$ 也是平面上的一個映射：$Mx = x_1\\,Me_1 + x_2\\,Me_2$，所以它的兩行告訴我們單位向量 $e_1$、$e_2$ 落在哪裡，整個格線也跟著移動。單位正方形變成平行四邊形，面積是 $\\lvert \\det M \\rvert$。行列式為負時，平面被翻面（方向相反）；行列式為 0 時，平面被壓成一條直線（或一個點），正方形失去面積，不同的輸入得到相同的輸出，$M$ 也就無法還原。拖動 $x$ 的尖端，看看 $Mx$ 如何跟著走。',
      '在模型裡：全連接層計算 $y = Wx + b$，$W$ 依「輸出 × 輸入」存放，和 PyTorch 的 nn.Linear 一樣；偏差可以當成 $W$ 多出來的一行，對上 $x$ 後面補的 1。在注意力機制中，詞元的列向量 $X$（詞元數 × $d_{model}$）被投影成查詢 $Q = XW_Q^\\top$，鍵和值也一樣；分數 $QK^\\top$ 又是一次矩陣乘法，每一對詞元一個內積。試試這兩個預設，再到注意力機制的頁面追蹤這些查詢。',
    ],
  },
};

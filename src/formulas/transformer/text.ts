import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the Transformer page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'A large language model is a stack of identical Transformer blocks. Here is one decoder block, end to end, on a sentence of four to six tokens: every token becomes a vector of $d_{\\text{model}}$ numbers, the block mixes those vectors with attention and reworks each with a small feed-forward network, and the last token’s vector becomes a probability for every word of a twelve-word vocabulary. Step through the stages with the time control, or click a stage on the residual stream to open it.',
    body: [
      'The weights are not trained: they are small random numbers drawn from the seed, the same in every browser for the same seed, so a link reopens exactly this model. The predictions therefore mean nothing; what the page shows is the shape of the computation, and which numbers depend on which. (The embedding matrix $E$ is used twice, as GPT-2 does: to embed the tokens and, transposed, to turn the last vector into logits.)',
      'Read the line across the top as the residual stream: an $n \\times d_{\\text{model}}$ matrix, one row per token, that flows from the embeddings to the logits. Attention and the feed-forward network do not replace it; each reads a layer-normalized copy and adds its result back ($R = X + \\mathrm{MHA}(\\mathrm{LN}_1(X))$, then $Y = R + \\mathrm{FFN}(\\mathrm{LN}_2(R))$). Because every stage only adds, the gradient also has a direct path back through the sums, which is what lets models stack dozens of blocks.',
      'Layer normalization rescales each token’s row on its own: subtract its mean $\\mu$, divide by $\\sqrt{\\sigma^2 + \\epsilon}$, then scale by the learned $\\gamma$ and shift by $\\beta$. The worked example writes it out with the current numbers at each layer-norm stage.',
      'Multi-head attention splits the $d_{\\text{model}}$ columns into $h$ heads of $d_{\\text{model}}/h$ each; every head computes its own attention weights (one heatmap per head), and their outputs are joined and projected by $W_o$. Only this stage moves information between positions: everything else works on each row alone. With the causal mask on, position $i$ sees only positions $1 \\dots i$, so changing a token leaves every earlier row unchanged at every stage; switch the mask off and the change reaches everyone.',
      'The feed-forward network widens each row to $4 d_{\\text{model}}$ numbers, applies GELU, $x\\,\\Phi(x)$, a smooth cousin of ReLU that lets small negative values through, and projects back. Attention itself has no idea of order: without the positional encoding, and without a mask, swapping two tokens only swaps their rows, and the prediction does not change at all. The sinusoidal encoding $\\mathrm{PE}_{i,2k} = \\sin(i/10000^{2k/d})$, $\\mathrm{PE}_{i,2k+1} = \\cos(i/10000^{2k/d})$ gives every position a different fingerprint.',
      'Why it matters for LLMs: GPT-style models are exactly this block repeated (GPT-2 small: 12 blocks, $d_{\\text{model}} = 768$, 12 heads, a vocabulary of 50,257 tokens), and generation is this last step, softmax over the logits of the last token, run once per new token.',
    ],
  },
  'zh-TW': {
    intro:
      '大型語言模型是由一個個相同的 Transformer 區塊堆疊而成。這裡把一個解碼器區塊從頭到尾走一遍，輸入是四到六個詞元的句子：每個詞元先變成 $d_{\\text{model}}$ 個數字組成的向量，區塊用注意力機制把這些向量混合起來，再用一個小小的前饋網路逐一加工；最後一個詞元的向量會變成詞彙表中十二個詞各自的機率。用時間控制逐步前進，或在上方的殘差流上點選任一個階段直接打開。',
    body: [
      '這些權重沒有經過訓練：它們是由種子產生的小隨機數，同一個種子在任何瀏覽器中都得到同樣的權重，所以連結能重現完全相同的模型。因此預測本身沒有意義；這一頁要呈現的是計算的結構，以及哪些數字依賴哪些數字。（詞嵌入矩陣 $E$ 用了兩次，和 GPT-2 一樣：先用來嵌入詞元，轉置後再把最後的向量變成 logits。）',
      '上方的那條線是殘差流：一個 $n \\times d_{\\text{model}}$ 的矩陣，每個詞元一列，從詞嵌入一路流到 logits。注意力和前饋網路並不取代它，而是各自讀取一份經過層正規化的副本，再把結果加回去（$R = X + \\mathrm{MHA}(\\mathrm{LN}_1(X))$，接著 $Y = R + \\mathrm{FFN}(\\mathrm{LN}_2(R))$）。因為每個階段都只是「加上去」，梯度也能沿著這些加法直接往回傳，這正是模型能堆疊幾十個區塊的原因。',
      '層正規化對每個詞元的那一列各自處理：減去平均值 $\\mu$，除以 $\\sqrt{\\sigma^2 + \\epsilon}$，再乘上學到的 $\\gamma$、加上 $\\beta$。在每個層正規化階段，計算範例都會用目前的數字把它完整寫出來。',
      '多頭注意力把 $d_{\\text{model}}$ 個欄位分成 $h$ 個頭，每個頭 $d_{\\text{model}}/h$ 欄；每個頭算出自己的注意力權重（每個頭一張熱度圖），再把輸出接起來，用 $W_o$ 投影。只有這個階段會在不同位置之間傳遞資訊，其他階段都只處理各自的那一列。開啟因果遮罩時，位置 $i$ 只看得到位置 $1 \\dots i$，所以換掉一個詞元時，前面每一列在每個階段都不會改變；關掉遮罩，改變就會傳到每個位置。',
      '前饋網路把每一列加寬成 $4 d_{\\text{model}}$ 個數字，套用 GELU 函數 $x\\,\\Phi(x)$（ReLU 函數的平滑版本，會讓小的負值通過一點點），再投影回來。注意力本身不知道順序：沒有位置編碼、也沒有遮罩時，交換兩個詞元只會讓它們的列互換，預測完全不變。正弦位置編碼 $\\mathrm{PE}_{i,2k} = \\sin(i/10000^{2k/d})$、$\\mathrm{PE}_{i,2k+1} = \\cos(i/10000^{2k/d})$ 讓每個位置都有不同的「指紋」。',
      '為什麼這對大型語言模型很重要：GPT 類的模型就是把這個區塊重複很多次（GPT-2 small：12 個區塊、$d_{\\text{model}} = 768$、12 個頭、50,257 個詞元的詞彙表），而生成文字就是最後這一步：對最後一個詞元的 logits 做 Softmax，每產生一個新詞元就做一次。',
    ],
  },
};

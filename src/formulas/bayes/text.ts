import type { Bilingual, FormulaText } from '../../ui/card/types';

/** Prose of the Bayes page, written for each language. */
export const TEXT: Bilingual<FormulaText> = {
  en: {
    intro:
      'Bayes’ theorem turns “how likely is the evidence if the hypothesis is true” into “how likely is the hypothesis now that I have seen the evidence”. Set how common a condition is (the prior), how often the test catches it (sensitivity) and how often it raises a false alarm, and count the 1000 people: of those who test positive, how many are really ill?',
    body: [
      'The theorem is bookkeeping over the people in the picture. Of 1000 people with a prior of 1%, about 10 are ill and 990 healthy. A test with 90% sensitivity finds 9 of the 10; a false-positive rate of 9% flags about 89 of the 990. So 98 people test positive and only 9 of them are ill: $P(D \\mid +) = \\frac{P(+\\mid D)\\,P(D)}{P(+)} \\approx 9/98$, about 9%. Counting people, natural frequencies, is the easiest way to get this right.',
      'The surprise comes from the base rate. When the condition is rare, the healthy are so many that even a small false-positive rate among them produces more positives than all the ill together. Try the “rare condition, accurate test” preset: a test that is right 99% of the time still leaves a positive result at only 9%.',
      'The odds form makes the update a single multiplication: posterior odds = prior odds × likelihood ratio, with the likelihood ratio $P(+\\mid D) / P(+\\mid \\neg D)$ saying how much more often the ill test positive than the healthy. Taking logarithms turns it into addition: each piece of evidence adds $\\ln$ LR to the log-odds. This is why “test again” is so powerful when errors are independent: the posterior after one test becomes the prior of the next, and every positive result adds the same step to the log-odds walk.',
      'The same rule reads text. A naive Bayes classifier asks which topic produced a sentence: it starts from a prior over topics and multiplies in $P(w \\mid \\text{topic})$ for each word, as if the words were independent. Words every topic uses (“the”, “is”) barely move the posterior; a telling word (“team”, “pan”, “rain”) moves it a lot, and an ambiguous one (“hot”) splits it.',
      'Why it matters for LLMs: a language model computes the probability of the next word given the words before it, $P(w_n \\mid w_1, \\dots, w_{n-1})$, a conditional probability of exactly the kind Bayes’ theorem rearranges. Naive Bayes was an early text classifier; a Transformer learns these conditional probabilities from data instead of assuming the words independent.',
    ],
  },
  'zh-TW': {
    intro:
      '貝氏定理把「假設成立時，出現這個證據的機率」轉換成「看到證據之後，假設成立的機率」。設定疾病有多常見（先驗機率）、檢驗能抓到多少病例（敏感度）、以及多常誤報，然後數一數這 1000 個人：檢驗陽性的人之中，有多少人真的患病？',
    body: [
      '這個定理其實就是替圖中的人記帳。1000 人、先驗機率 1% 時，大約 10 人患病、990 人健康。敏感度 90% 的檢驗找出 10 位病人中的 9 位；偽陽性率 9% 則在 990 位健康的人裡誤判約 89 位。於是有 98 人陽性，其中只有 9 人真的患病：$P(D \\mid +) = \\frac{P(+\\mid D)\\,P(D)}{P(+)} \\approx 9/98$，大約 9%。直接數人數（自然頻率），是最不容易算錯的方法。',
      '令人意外的結果來自基本比率。疾病罕見時，健康的人非常多，即使他們之中只有很小比例被誤判，陽性人數也會超過所有真正的病人。試試「罕見疾病、準確的檢驗」預設：準確率 99% 的檢驗，陽性結果代表的患病機率仍然只有 9%。',
      '勝算形式把更新變成一次乘法：後驗勝算 = 先驗勝算 × 似然比，其中似然比 $P(+\\mid D) / P(+\\mid \\neg D)$ 表示患病者驗出陽性的頻率是健康者的幾倍。取對數後，乘法變成加法：每一份證據都在對數勝算上加 $\\ln$ 似然比。這就是誤差彼此獨立時「再檢驗一次」威力強大的原因：一次檢驗的後驗機率成為下一次的先驗機率，每個陽性結果都在對數勝算上走出同樣的一步。',
      '同樣的規則也能讀文字。單純貝氏分類器要判斷一句話是哪個主題產生的：從各主題的先驗機率出發，每讀一個詞就乘上 $P(w \\mid \\text{主題})$，假設詞與詞彼此獨立。每個主題都常用的詞（「很」、「還」）幾乎不改變後驗機率；具有代表性的詞（「球隊」、「鍋子」、「雨」）則大幅改變它，而意思模稜兩可的詞（「熱」）會讓機率分散。',
      '為什麼對大型語言模型很重要：語言模型計算的是在前面的詞已知時，下一個詞的機率 $P(w_n \\mid w_1, \\dots, w_{n-1})$，這正是貝氏定理所處理的條件機率。單純貝氏是早期的文本分類器；Transformer 則不假設詞彼此獨立，而是從資料中學出這些條件機率。',
    ],
  },
};

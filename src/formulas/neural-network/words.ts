import { formatFixed, formatNumber } from '../../plots/formatNumber';
import type { Lang } from '../../ui/card/types';
import { sub, type Gate } from './model';
import type { TrainingOutput } from './train';

const GATE_NAME: Record<Gate, string> = { and: 'AND', or: 'OR', xor: 'XOR' };
const pct = (x: number) => `${Math.round(100 * x)}%`;

/** The plot's words in both languages. */
export const PLOT_WORDS = {
  en: {
    neuronTitle: 'One neuron: y = f(w·x + b) over the input plane',
    neuronReadout: (z: number, y: number) => `z = ${formatFixed(z, 2)}, y = ${formatFixed(y, 3)}`,
    challengeTitle: 'Challenge: match the truth table',
    truthCaption: (g: Gate) => `${GATE_NAME[g]}: the neuron answers 1 where z > 0`,
    target: 'target',
    fires: 'neuron',
    solved: (g: Gate) =>
      `Done: one neuron computes ${GATE_NAME[g]}. The line separates the 1s from the 0s.`,
    progress: (n: number) =>
      // the symbol and its verb kept on one line (no-break spaces)
      `${n} of 4 right. Move the line so the 1s lie on the side w\u00a0points\u00a0to.`,
    xorWhy: (n: number) =>
      `${n} of 4 right, and 4 is out of reach: XOR’s 1s, (0, 1) and (1, 0), sit on opposite corners, and no straight line has them on one side and (0, 0), (1, 1) on the other. One neuron draws one line; a hidden layer is needed.`,
    networkTitle: (sizes: readonly number[], count: number) =>
      `The network ${sizes.join('-')} (${count} parameters): edge width and colour show each weight`,
    nodeName: (l: number, j: number, out: boolean) =>
      out ? `output p${sub(j + 1)}: class ${j + 1}` : `hidden layer ${l}, neuron ${j + 1}`,
    regionsTitle: 'Decision regions and the data (filled: training, hollow: test)',
    probeTitle: (l: number, j: number, out: boolean) =>
      out
        ? `What output p${sub(j + 1)} says: the probability of class ${j + 1}`
        : `What neuron ${j + 1} of hidden layer ${l} alone responds to`,
    lossTitle: 'Loss while training',
    step: 'training step',
    loss: 'cross-entropy',
    nats: 'nats',
    trainLoss: 'training loss',
    testLoss: 'test loss',
    training: 'Training…',
    failed: 'The network could not be trained with these settings.',
    status: (o: TrainingOutput, _k: number) => {
      const head = `Step ${o.step}: training loss ${formatFixed(o.trainLoss[o.step], 3)}, test loss ${formatFixed(o.testLoss[o.step], 3)}; accuracy ${pct(o.trainAccuracy)} on training, ${pct(o.testAccuracy)} on test points.`;
      return o.divergedAt === null
        ? head
        : `${head} At step ${o.divergedAt} the loss overflowed to infinity: the learning rate is too large, so the run stops at step ${o.step}.`;
    },
    classWord: (k: number) => `class ${k + 1}`,
    testPoint: 'test point',
    hoverHint: 'Point at or focus a neuron to see what it responds to.',
  },
  'zh-TW': {
    neuronTitle: '單一神經元：輸入平面上的 y = f(w·x + b)',
    neuronReadout: (z: number, y: number) =>
      `z = ${formatFixed(z, 2, 'zh-TW')}，y = ${formatFixed(y, 3, 'zh-TW')}`,
    challengeTitle: '挑戰：做出真值表',
    truthCaption: (g: Gate) => `${GATE_NAME[g]}：z > 0 時神經元輸出 1`,
    target: '目標',
    fires: '神經元',
    solved: (g: Gate) => `完成：一個神經元就能算出 ${GATE_NAME[g]}。這條直線把 1 和 0 分在兩側。`,
    progress: (n: number) => `答對 ${n}/4。移動直線，讓所有的 1 落在 w\u00a0指向的那一側。`,
    xorWhy: (n: number) =>
      `答對 ${n}/4，而且不可能全對：XOR 的 1 在 (0, 1) 與 (1, 0) 這兩個對角，任何一條直線都無法把它們放在同一側、又把 (0, 0)、(1, 1) 放在另一側。一個神經元只能畫一條直線，需要隱藏層才做得到。`,
    networkTitle: (sizes: readonly number[], count: number) =>
      `神經網路 ${sizes.join('-')}（${count} 個參數）：連線的粗細與顏色代表權重`,
    nodeName: (l: number, j: number, out: boolean) =>
      out ? `輸出 p${sub(j + 1)}：第 ${j + 1} 類` : `第 ${l} 個隱藏層的第 ${j + 1} 個神經元`,
    regionsTitle: '決策區域與資料（實心：訓練資料，空心：測試資料）',
    probeTitle: (l: number, j: number, out: boolean) =>
      out
        ? `輸出 p${sub(j + 1)}：屬於第 ${j + 1} 類的機率`
        : `第 ${l} 個隱藏層第 ${j + 1} 個神經元單獨的反應`,
    lossTitle: '訓練過程中的損失',
    step: '訓練步數',
    loss: '交叉熵',
    nats: 'nats',
    trainLoss: '訓練損失',
    testLoss: '測試損失',
    training: '訓練中…',
    failed: '在這些設定下無法訓練這個網路。',
    status: (o: TrainingOutput, _k: number) => {
      const f = (x: number) => formatFixed(x, 3, 'zh-TW');
      const head = `第 ${o.step} 步：訓練損失 ${f(o.trainLoss[o.step])}，測試損失 ${f(o.testLoss[o.step])}；訓練資料準確率 ${pct(o.trainAccuracy)}，測試資料 ${pct(o.testAccuracy)}。`;
      return o.divergedAt === null
        ? head
        : `${head}第 ${o.divergedAt} 步時損失溢位成無限大：學習率太大，訓練停在第 ${o.step} 步。`;
    },
    classWord: (k: number) => `第 ${k + 1} 類`,
    testPoint: '測試資料',
    hoverHint: '將滑鼠移到或用鍵盤聚焦某個神經元，看看它單獨對什麼有反應。',
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** A loss or rate in the table and summary: three significant digits. */
export const sig = (x: number, lang: Lang) =>
  formatNumber(x, { digits: 3, notation: 'significant', lang });

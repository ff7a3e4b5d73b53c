import type { Answers, ScorecardInput } from '../quality/scorecard-schema.ts';

/** The demo center's scorecard: service manners, accuracy of the answer, the work order, and a critical item. */
export const DEMO_SCORECARD: Omit<ScorecardInput, 'id' | 'version'> = {
  name: '12345热线通话质检表',
  sections: [
    { id: 'manner', label: '服务规范', weight: 3, items: [
      { id: 'greeting', label: '规范开头语与结束语', maxPoints: 10 },
      { id: 'listening', label: '耐心倾听、不打断', maxPoints: 10 },
      { id: 'tone', label: '语气语速适中', maxPoints: 10 },
    ] },
    { id: 'answer', label: '业务解答', weight: 4, items: [
      { id: 'accuracy', label: '政策解答准确', maxPoints: 20, critical: 'form', passPoints: 12 },
      { id: 'complete', label: '一次性告知完整', maxPoints: 10 },
      { id: 'verify', label: '核实来电人信息', maxPoints: 10, naAllowed: true },
    ] },
    { id: 'order', label: '工单记录', weight: 3, items: [
      { id: 'title', label: '标题含地点与事项', maxPoints: 10 },
      { id: 'content', label: '内容要素齐全', maxPoints: 10 },
      { id: 'extra', label: '主动告知相关政策', maxPoints: 5, bonus: true },
    ] },
  ],
};

export interface DemoEvaluation {
  agentNo: string;
  /** Days before the seed's today. */
  daysAgo: number;
  answers: Answers;
}

/**
 * About 5 evaluations per agent over the weeks of history. Each agent has a skill level; a few agents drift
 * down in the last weeks (a special cause for the control chart to find), and one item (一次性告知完整) is
 * failed by most agents (a common cause: training, not coaching).
 */
export function demoEvaluations(u: () => number, agentNos: readonly string[], days: number): DemoEvaluation[] {
  const out: DemoEvaluation[] = [];
  agentNos.forEach((no, k) => {
    const skill = 0.75 + 0.2 * u();
    const drifting = k % 17 === 3;
    const n = 4 + Math.floor(u() * 4);
    for (let j = 0; j < n; j++) {
      const daysAgo = Math.floor(((n - j) / (n + 1)) * days + u() * 3);
      const late = drifting && daysAgo < 14 ? 0.6 : 1;
      // Full marks with a probability that grows with skill; otherwise a partial score.
      const pts = (max: number, p: number) => (u() < p * late ? max : Math.max(0, Math.round(max * (0.4 + 0.4 * u()))));
      out.push({
        agentNo: no,
        daysAgo,
        answers: {
          greeting: { points: pts(10, skill + 0.1) },
          listening: { points: pts(10, skill) },
          tone: { points: pts(10, skill + 0.05) },
          accuracy: { points: pts(20, skill) },
          complete: { points: pts(10, skill - 0.35) },
          verify: u() < 0.3 ? { na: true } : { points: pts(10, skill) },
          title: { points: pts(10, skill) },
          content: { points: pts(10, skill - 0.05) },
          extra: { points: u() < 0.3 ? 5 : 0 },
        },
      });
    }
  });
  return out;
}

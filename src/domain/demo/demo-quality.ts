import type { Answers, ScorecardInput } from '../quality/scorecard-schema.ts';

/** The item most demo agents fail (一次性告知完整): a common cause, for training rather than one agent's coaching. */
export const DEMO_COMMON_FAILURE = 'complete';

/** The demo center's scorecard: service manners, accuracy of the answer, the work order, and a critical item. */
export const DEMO_SCORECARD: Omit<ScorecardInput, 'id' | 'version'> = {
  name: '12345热线通话质检表',
  sections: [
    {
      id: 'manner',
      label: '服务规范',
      weight: 3,
      items: [
        { id: 'greeting', label: '规范开头语与结束语', maxPoints: 10 },
        { id: 'listening', label: '耐心倾听、不打断', maxPoints: 10 },
        { id: 'tone', label: '语气语速适中', maxPoints: 10 },
      ],
    },
    {
      id: 'answer',
      label: '业务解答',
      weight: 4,
      items: [
        { id: 'accuracy', label: '政策解答准确', maxPoints: 20, critical: 'form', passPoints: 12 },
        { id: 'complete', label: '一次性告知完整', maxPoints: 10 },
        { id: 'verify', label: '核实来电人信息', maxPoints: 10, naAllowed: true },
      ],
    },
    {
      id: 'order',
      label: '工单记录',
      weight: 3,
      items: [
        { id: 'title', label: '标题含地点与事项', maxPoints: 10 },
        { id: 'content', label: '内容要素齐全', maxPoints: 10 },
        { id: 'extra', label: '主动告知相关政策', maxPoints: 5, bonus: true },
      ],
    },
  ],
};

export interface DemoEvaluation {
  agentNo: string;
  /** Days before the seed's today. */
  daysAgo: number;
  answers: Answers;
}

/**
 * Two to three evaluations per agent a week (16–23 over 8 weeks): an individuals chart wants about twenty points
 * before its limits mean much, and a QA team's monthly quota is of that order. Each agent has a skill level; a few agents drift
 * down in the last weeks (a special cause for the control chart to find), and one item (一次性告知完整) is
 * failed by most agents (a common cause: training, not coaching).
 */
export function demoEvaluations(u: () => number, agentNos: readonly string[], days: number): DemoEvaluation[] {
  const out: DemoEvaluation[] = [];
  agentNos.forEach((no, k) => {
    const skill = 0.75 + 0.2 * u();
    const drifting = k % 17 === 3;
    const weeks = Math.max(1, Math.round(days / 7));
    const n = 2 * weeks + Math.floor(u() * weeks);
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

export type DemoCalibrator = 'manager' | 'qa' | 'qalead';

export interface DemoCalibration {
  name: string;
  /** Days before the seed's today the session closed. */
  daysAgo: number;
  contacts: { key: string; agentNo: string }[];
  scores: { contactKey: string; evaluator: DemoCalibrator; answers: Answers }[];
}

/**
 * Calibration sessions every three days on the demo scorecard: the manager scores as the expert, `qa` stays close to
 * the expert (a point or two off now and then), `qalead` is lenient (full marks where the expert deducted,
 * most of the time), so the trend shows a reliable and an evaluator to watch (flagged after three sessions).
 */
export function demoCalibrations(
  u: () => number,
  pool: readonly { key: string; agentNo: string }[],
  sessions = 4,
  perSession = 8,
): DemoCalibration[] {
  const out: DemoCalibration[] = [];
  const items: [string, number][] = [
    ['greeting', 10],
    ['listening', 10],
    ['tone', 10],
    ['accuracy', 20],
    ['complete', 10],
    ['title', 10],
    ['content', 10],
  ];
  for (let s = 0; s < sessions && (s + 1) * perSession <= pool.length; s++) {
    const contacts = pool.slice(s * perSession, (s + 1) * perSession);
    const scores: DemoCalibration['scores'] = [];
    contacts.forEach((c, k) => {
      // A session mixes good, ordinary and poor calls, as calibration sets are chosen to: with calls all alike, α
      // says little (there is no spread among the calls for the evaluators to agree on).
      const fullMarks = [0.85, 0.55, 0.2][k % 3] ?? 0.55;
      const truth: Answers = { verify: u() < 0.3 ? { na: true } : { points: 10 }, extra: { points: u() < 0.3 ? 5 : 0 } };
      const low = [0.6, 0.5, 0.3][k % 3] ?? 0.5;
      for (const [id, max] of items) truth[id] = { points: u() < fullMarks ? max : Math.round(max * (low + 0.3 * u())) };
      // A wrong answer (the critical item failed, the form zeroed) is rare: about one poor call in four.
      const accuracy = truth.accuracy as { points: number };
      if (accuracy.points < 12 && u() < 0.75) accuracy.points = 12 + Math.floor(u() * 5);
      const near: Answers = { ...truth };
      const lenient: Answers = { ...truth };
      for (const [id, max] of items) {
        const p = (truth[id] as { points: number }).points;
        // Both keep the expert's pass or fail on the critical item: a form zeroed by one evaluator only would swamp
        // every other difference in the session.
        const pass = id === 'accuracy' ? 12 : 0;
        const samePass = (v: number) => (p < pass ? Math.min(v, pass - 1) : Math.max(v, pass));
        if (u() < 0.25) near[id] = { points: samePass(Math.max(0, Math.min(max, p + (u() < 0.5 ? -2 : 2)))) };
        // Lenient: gives back up to half of what the expert deducted, on most items.
        if (p < max && u() < 0.8) lenient[id] = { points: samePass(max - Math.floor((max - p) * 0.5 * u())) };
      }
      scores.push(
        { contactKey: c.key, evaluator: 'manager', answers: truth },
        { contactKey: c.key, evaluator: 'qa', answers: near },
        { contactKey: c.key, evaluator: 'qalead', answers: lenient },
      );
    });
    out.push({ name: `第${s + 1}次校准会`, daysAgo: 3 * (sessions - s) - 2, contacts, scores });
  }
  return out;
}

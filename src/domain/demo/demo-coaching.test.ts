import { expect, test } from 'vitest';
import { demoCoaching } from './demo-coaching.ts';

const DAY = 86_400_000;
const today = Date.UTC(2026, 11, 3, 16); // 2026-12-04 00:00 in Shanghai
const ev = (id: number, agentId: number, daysAgo: number, score: number, failedItems: string[], criticalFailed = false) => ({
  id,
  agentId,
  at: today - daysAgo * DAY,
  score,
  criticalFailed,
  failedItems,
});

test('a task for a critical failure or a low score, on its failed items less the common ones, followed up by the next evaluation', () => {
  const tasks = demoCoaching(
    [
      ev(1, 7, 20, 70, ['tone', 'complete']), // low score: coached on tone, not on the common item
      ev(2, 7, 18, 95, ['complete']), // only two days later: too soon to be the follow-up
      ev(3, 7, 10, 0, ['accuracy'], true), // critical: coached; 2's successor 4 follows it up
      ev(4, 7, 5, 90, ['greeting']), // good enough: no task
      ev(5, 8, 30, 60, ['complete']), // only the common item failed: no task
      ev(6, 8, 6, 75, ['title']), // no later evaluation, 6 days old: in progress (due 1 day ago)
      ev(7, 9, 1, 50, ['content']), // a day old: open
    ],
    { todayMs: today, timeZone: 'Asia/Shanghai', commonItems: ['complete'] },
  );
  expect(tasks.map((t) => [t.evaluationId, t.items, t.status, t.followUpEvaluationId])).toEqual([
    [1, ['tone'], 'followed_up', 3],
    [3, ['accuracy'], 'followed_up', 4],
    [6, ['title'], 'in_progress', null],
    [7, ['content'], 'open', null],
  ]);
  // Created two hours after the evaluation, due seven days later, as a date in the center's zone.
  const first = tasks[0];
  expect(first?.createdAt).toBe(today - 20 * DAY + 2 * 3_600_000);
  expect(first?.dueDate).toBe('2026-11-21');
});

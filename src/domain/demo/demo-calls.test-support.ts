import { DEMO_SKILL_GROUPS, type DemoAgent } from './demo-center.ts';
import type { DemoCall } from './demo-work-orders.ts';

/**
 * Answered calls for the work-order tests without the queue simulation: one every `everyMinutes` from `startMs`
 * for `days`, the queues in turn, each answered by the next agent with that skill, from distinct callers.
 */
export function syntheticCalls(agents: readonly DemoAgent[], startMs: number, days: number, everyMinutes = 6): DemoCall[] {
  const calls: DemoCall[] = [];
  const byQueue = DEMO_SKILL_GROUPS.map((g) => agents.filter((a) => a.skills[0]?.code === g.code));
  const n = Math.floor((days * 1440) / everyMinutes);
  for (let i = 0; i < n; i++) {
    const q = i % DEMO_SKILL_GROUPS.length;
    const pool = byQueue[q] ?? [];
    const endedAt = startMs + i * everyMinutes * 60_000 + 240_000;
    calls.push({
      key: `demo:${DEMO_SKILL_GROUPS[q]?.code}:${i}`,
      queue: DEMO_SKILL_GROUPS[q]?.code ?? 'policy',
      agentNo: pool[Math.floor(i / 3) % pool.length]?.employeeNo ?? '',
      callerId: `139${String(10_000_000 + i).padStart(8, '0')}`,
      endedAt,
      acwSeconds: 30,
    });
  }
  return calls;
}

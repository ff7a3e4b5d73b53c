import { DateTime } from 'luxon';
import { expectedCalls } from '../src/domain/demo/demo-traffic.ts';
import { staffingPlan } from '../src/domain/erlang/staffing-plan.ts';
import { buildSchedule } from '../src/domain/schedule/build-schedule.ts';
import { DEFAULT_RULES, DEFAULT_TEMPLATES, type Rules } from '../src/domain/schedule/types.ts';

const ZONE = 'Asia/Shanghai';

/** Erlang C requirement of the demo curve (M-shaped weekdays, light weekends and holidays), 07:30–23:00. */
function requirement(dates: string[], weekdayCalls: number): number[][] {
  return dates.map((d) =>
    staffingPlan(
      expectedCalls(d, weekdayCalls, 30).map((c, i) => ({ skillGroup: 'p', start: i, calls: c, ahtSeconds: 300 })),
      { intervalSeconds: 1800, model: 'c', targets: { serviceLevel: 0.8 }, slSeconds: 20, shrinkage: 0 },
    ).map((r, i) => (i >= 15 && i < 46 ? r.agents : 0)),
  );
}

/**
 * 100, 300 and 1,000 agents over 4 weeks from 2026-09-21 (the weeks hold 中秋 Sep 25, National Day Oct 1–7 and
 * the make-up Saturday Oct 10): calls scaled so the requirement is about 85 % of what the agents can work
 * (40 h contracts), templates 早/中/晚 with meal breaks and a split shift. Prints solve time, paid hours, the
 * design's HiGHS bound, the gap of the final schedule to it, fit, rostering figures and rule violations.
 * BENCH_SCHEDULE_SIZES=100,300 chooses sizes; BENCH_SCHEDULE_SECONDS the time limit (default 100).
 */
export async function run(): Promise<void> {
  const sizes = (process.env.BENCH_SCHEDULE_SIZES ?? '100,300,1000').split(',').map(Number);
  const seconds = Number(process.env.BENCH_SCHEDULE_SECONDS ?? 100);
  const start = DateTime.fromISO('2026-09-21', { zone: ZONE });
  const dates = Array.from({ length: 28 }, (_, i) => start.plus({ days: i }).toISODate() ?? '');
  const rules: Rules = {
    ...DEFAULT_RULES,
    shiftTemplates: [
      ...DEFAULT_TEMPLATES.slice(0, 3),
      {
        name: '两头班',
        earliestStart: '08:30',
        latestStart: '09:30',
        startStepMinutes: 30,
        segments: [{ lengthMinutes: 240 }, { lengthMinutes: 240 }],
        minGapMinutes: 120,
        maxGapMinutes: 180,
      },
    ],
  };
  for (const agents of sizes) {
    // Agent-hours the agents can give over 4 weeks, and calls scaled (twice, Erlang C is nearly linear at scale) to ~85 % of them.
    const target = 0.85 * agents * 40 * 4;
    let calls = agents * 40;
    for (let k = 0; k < 2; k++)
      calls *=
        target /
        (requirement(dates, calls)
          .flat()
          .reduce((s, n) => s + n, 0) *
          0.5 *
          1.15);
    const required = requirement(dates, calls);
    const people = Array.from({ length: agents }, (_, i) => ({
      agent: `A${i}`,
      team: `T${i % 10}`,
      skills: ['p'],
      contractHoursPerWeek: 40,
    }));
    const t0 = performance.now();
    const out = await buildSchedule({
      dates,
      timeZone: ZONE,
      required: { p: required },
      agents: people,
      rules,
      timeLimitSeconds: seconds,
    });
    const secs = (performance.now() - t0) / 1000;
    const reqHours = required.flat().reduce((s, n) => s + n, 0) / 2;
    console.log(
      `${String(agents).padStart(5)} agents × 4 weeks: ${secs.toFixed(1)} s, required ${reqHours.toFixed(0)} agent-h, ${out.assignments.length} shifts, paid ${out.paidHours.toFixed(0)} h, cost ${out.cost.toFixed(0)}, bound ${out.lowerBound.toFixed(0)}, gap ${(out.gap * 100).toFixed(2)} % (design ${(out.design.gap * 100).toFixed(2)} %, roster ${out.roster.method} ${out.roster.status}), fit ${out.fit?.toFixed(3)}, under ${out.underHours.toFixed(0)} h, over ${out.overHours.toFixed(0)} h, unfilled ${out.unfilledShifts}, holiday-days worked ${out.fairness.holidaysWorked.join('–')}, violations ${out.violations.length}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

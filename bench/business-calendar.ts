import { DateTime } from 'luxon';
import {
  addWorkingDays,
  addWorkingHours,
  type BusinessCalendar,
  workingMsBetween,
} from '../src/domain/calendar/business-calendar.ts';
import { parseHours } from '../src/domain/calendar/opening-hours.ts';
import { documentTokens, queryTokens } from '../src/domain/text/segment.ts';
import { deadlineStatus } from '../src/domain/work-orders/deadline-status.ts';

/**
 * Business-calendar arithmetic and search tokens: deadlines for a day's dispatches, a due list over a large
 * backlog (remaining business time of each open order), and tokenising order texts.
 */
function timed(label: string, n: number, f: (i: number) => unknown): void {
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i++) sink += Number(f(i)) || 0;
  const ms = performance.now() - t0;
  console.log(
    `${label.padEnd(58)} ${n.toLocaleString('en').padStart(8)} × → ${ms.toFixed(0).padStart(6)} ms  (${((ms * 1000) / n).toFixed(1)} µs each)${sink === -1 ? '' : ''}`,
  );
}

export async function run(): Promise<void> {
  const spec = { timeZone: 'Asia/Shanghai', hours: parseHours('09:00-12:00,13:30-18:00') };
  const start = DateTime.fromISO('2025-01-01T00:00:00+08:00', { setZone: true }).toMillis();
  const span = 2 * 365 * 86_400_000;
  const instant = (i: number) => start + ((i * 7_919_993) % span);
  // A fresh calendar object has an empty day cache: the first figure includes reading chinese-days per date.
  const cold: BusinessCalendar = { ...spec };
  timed('addWorkingDays(5), cold cache (2025–2026 dates)', 20_000, (i) => addWorkingDays(cold, instant(i), 5));
  const cal: BusinessCalendar = { ...spec };
  addWorkingDays(cal, start, 600);
  timed('addWorkingDays(5), warm cache', 100_000, (i) => addWorkingDays(cal, instant(i), 5));
  timed('addWorkingHours(2)', 100_000, (i) => addWorkingHours(cal, instant(i), 2));
  timed('workingMsBetween over up to 30 days', 100_000, (i) =>
    workingMsBetween(cal, instant(i), instant(i) + (i % 30) * 86_400_000),
  );
  const now = start + span / 2;
  timed(
    'deadlineStatus of a 100,000-order backlog (due list)',
    100_000,
    (i) => deadlineStatus(cal, { dueAt: instant(i), closedAt: null }, now).remainingWorkingMs,
  );
  const text = '【急件】朝阳区幸福小区3号楼旁工地夜间施工噪音扰民，来电人要求立即停止夜间施工并依法处理，联系电话已登记。';
  timed(
    `documentTokens of a ${text.length}-character order text`,
    20_000,
    (i) => documentTokens(i % 2 ? text : text.slice(1)).length,
  );
  timed('queryTokens of a 4-character query', 100_000, () => queryTokens('施工噪音').length);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

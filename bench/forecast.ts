import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { wape } from '../src/domain/forecast/accuracy.ts';
import { forecast } from '../src/domain/forecast/forecast.ts';
import { MODEL_NAMES, MODELS, type ModelName } from '../src/domain/forecast/models.ts';
import { type DaySeries, type HistoryPoint, headDays, toDaySeries } from '../src/domain/forecast/series.ts';
import { syntheticHistory } from '../src/domain/forecast/synthetic.ts';
import { DEMO_SKILL_GROUPS, demoAgents } from '../src/domain/demo/demo-center.ts';
import { demoHistory, demoPools } from '../src/domain/demo/demo-history.ts';
import { createRandom } from '../src/domain/simulation/random.ts';

const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
type Row = { model: ModelName | 'auto'; interval: number; daily: number; picked?: ModelName };

/**
 * Holds out the last `holdoutDays` of a history, forecasts them with every model and with the automatic choice
 * (its backtest sees the training part only), and returns interval and daily WAPE.
 */
function evaluate(series: DaySeries, holdoutDays: number): Row[] {
  const cut = series.dates.length - holdoutDays;
  const train = headDays(series, cut);
  const dates = series.dates.slice(cut);
  const actual = series.calls.slice(cut);
  const score = (f: number[][]) => ({
    interval: wape(actual.flat(), f.flat()) ?? Number.NaN,
    daily: wape(actual.map(total), f.map(total)) ?? Number.NaN,
  });
  const rows: Row[] = MODEL_NAMES.map((m) => ({ model: m, ...score(MODELS[m](train, dates) ?? []) }));
  const auto = forecast(train, { horizonDays: holdoutDays, model: 'auto' });
  const slots = series.slotsPerDay;
  const f = dates.map((_, d) => auto.intervals.slice(d * slots, (d + 1) * slots).map((i) => i.offered));
  rows.push({ model: 'auto', picked: auto.model, ...score(f) });
  return rows;
}

function print(label: string, series: DaySeries, rows: Row[], holdoutDays: number): void {
  const dates = series.dates;
  console.log(
    `\n${label}\n  train ${dates[0]}…${dates.at(-holdoutDays - 1)}, hold-out ${dates.at(-holdoutDays)}…${dates.at(-1)}`,
  );
  for (const r of rows)
    console.log(
      `  ${(r.picked ? `auto → ${r.picked}` : r.model).padEnd(22)} interval WAPE ${pct(r.interval)}   daily WAPE ${pct(r.daily)}`,
    );
  const naive = rows.find((r) => r.model === 'naive')!;
  const auto = rows.find((r) => r.model === 'auto')!;
  console.log(`  auto vs seasonal naive: interval WAPE ${((1 - auto.interval / naive.interval) * 100).toFixed(0)} % lower`);
}

/** Anonymous Bank 1999 as whole local days (the file's clock times are local; +08:00 only places midnight). */
function bankSeries(): DaySeries | null {
  const file = resolve(import.meta.dirname, '../../shared/data/anonymous-bank-1999-30min.csv');
  if (!existsSync(file)) {
    console.log(`\n(no ${file}: real-data run skipped)`);
    return null;
  }
  const points: HistoryPoint[] = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [ts, n] = l.split(',');
      return { intervalStart: DateTime.fromISO(ts ?? '', { setZone: true }).toMillis(), offered: Number(n) };
    });
  return toDaySeries(points, 30, 'Asia/Shanghai');
}

/**
 * A history from the demo center's own generator (the queue simulation `npm start` seeds with, its calendar and
 * patience): 政策咨询, its largest group, from `firstDate` for `days`, counted into 30-minute intervals by the time
 * the calls entered the queue.
 */
function demoSeries(firstDate: string, days: number, zone: string): DaySeries {
  const group = DEMO_SKILL_GROUPS.filter((g) => g.code === 'policy');
  const startMs = DateTime.fromISO(firstDate, { zone }).toMillis();
  const u = createRandom(12345);
  const pools = demoPools(demoAgents(u));
  const { contacts } = demoHistory(u, { startMs, startDate: firstDate, days, groups: group, pools });
  const offered = new Array<number>(days * 48).fill(0);
  for (const c of contacts) {
    const k = Math.floor((c.enteredAt - startMs) / 1_800_000);
    offered[k] = (offered[k] ?? 0) + 1;
  }
  return toDaySeries(
    offered.map((n, k) => ({ intervalStart: startMs + k * 1_800_000, offered: n })),
    30,
    zone,
  );
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const zone = 'Asia/Shanghai';
  const cases: [string, DaySeries][] = [
    [
      'synthetic demo-shaped hotline, ordinary weeks (2025-11-17…30) held out',
      toDaySeries(syntheticHistory('2025-09-22', 70, 2400, 30, createRandom(6)), 30, zone),
    ],
    [
      'synthetic, National Day 2025 (Oct 1–8 off, 调休 Sep 28 and Oct 11) held out, history from Aug 1',
      toDaySeries(syntheticHistory('2025-08-01', 73, 2400, 30, createRandom(7)), 30, zone),
    ],
    [
      'synthetic, Labour Day 2025 (May 1–5, 调休 Apr 27 and May 10) held out',
      toDaySeries(syntheticHistory('2025-03-03', 70, 2400, 30, createRandom(8)), 30, zone),
    ],
    [
      'synthetic, Spring Festival 2025 (Jan 28–Feb 4, 调休 Jan 26 and Feb 8) held out',
      toDaySeries(syntheticHistory('2024-11-25', 77, 2400, 30, createRandom(9)), 30, zone),
    ],
    [
      "the demo center's simulated history (政策咨询), 8 weeks, ordinary weeks (2026-11-16…29) held out",
      demoSeries('2026-10-05', 56, zone),
    ],
    [
      "the demo center's simulated history (政策咨询), National Day 2026 (Oct 1–7 off, 调休 Sep 20 and Oct 10) held out",
      demoSeries('2026-07-27', 77, zone),
    ],
  ];
  for (const [label, series] of cases) print(label, series, evaluate(series, 14), 14);

  const bank = bankSeries();
  if (bank) {
    // Eight rolling origins over the year, each with eight weeks of training before two held-out weeks.
    console.log(
      '\nAnonymous Bank 1999 (real, Israel; Sun–Thu workweek, Israeli holidays): 8 weeks train → 2 weeks hold-out, 8 origins',
    );
    console.log(
      '  the Chinese holiday features do not apply (chinese-days starts in 2004): the regression sees weekday, month start/end and trend only',
    );
    const sums = new Map<string, number[]>();
    for (let k = 0; k < 8; k++) {
      const start = k * 42;
      const series = {
        ...bank,
        dates: bank.dates.slice(start, start + 70),
        calls: bank.calls.slice(start, start + 70),
        aht: bank.aht.slice(start, start + 70),
      };
      const rows = evaluate(series, 14);
      const naive = rows.find((r) => r.model === 'naive')!;
      const auto = rows.find((r) => r.model === 'auto')!;
      console.log(
        `  hold-out ${series.dates[56]}…${series.dates[69]}: naive ${pct(naive.interval)}, auto → ${auto.picked?.padEnd(12)} ${pct(auto.interval)}${auto.interval > naive.interval ? '  (LOSES to naive)' : ''}`,
      );
      for (const r of rows) sums.set(r.model, [...(sums.get(r.model) ?? []), r.interval]);
    }
    for (const [m, xs] of sums) console.log(`  mean interval WAPE ${m.padEnd(13)} ${pct(total(xs) / xs.length)}`);
  }

  const eight = toDaySeries(syntheticHistory('2025-09-22', 56, 2400, 30, createRandom(10)), 30, zone);
  const t1 = performance.now();
  forecast(eight, { horizonDays: 14, model: 'auto' });
  console.log(`\nauto forecast, 8 weeks × 48 intervals with backtest, 14-day horizon: ${(performance.now() - t1).toFixed(0)} ms`);
  console.log(`forecast bench: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

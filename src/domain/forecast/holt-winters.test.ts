import { describe, expect, test } from 'vitest';
import { dayInfo } from '../calendar/day-kind.ts';
import { createRandom } from '../simulation/random.ts';
import { wape } from './accuracy.ts';
import { fitHoltWinters, holtWinters, runHoltWinters } from './holt-winters.ts';
import { makeSeries } from './test-series.ts';

// A known pattern: level 50, an intraday wave, and a weekly effect (weekend days 20 lower at every interval).
const m1 = 24;
const truth = (date: string, s: number) => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return 50 + 30 * Math.sin((2 * Math.PI * s) / m1) + (dow === 0 || dow === 6 ? -20 : 0);
};

describe('double-seasonal Holt–Winters', () => {
  test('a series that is exactly level + intraday season repeats itself, whatever the constants', () => {
    const y = Array.from({ length: 4 * 14 }, (_, t) => 10 + (t % 2 === 0 ? -2 : 2));
    const r = runHoltWinters(y, 2, 14, { alpha: 0.3, delta: 0.2, omega: 0.1 });
    expect(r.sse).toBeCloseTo(0, 10);
    expect(r.level).toBeCloseTo(10, 10);
    expect(r.daily[0]! + r.weekly[0]!).toBeCloseTo(-2, 10);
  });

  test('recovers a known double-seasonal pattern from noisy history', () => {
    const u = createRandom(11);
    const s = makeSeries('2025-06-02', 42, m1, (d, k) => truth(d, k) + (u() - 0.5) * 10); // June–July: no Chinese holiday after Jun 2
    const ahead = ['2025-07-14', '2025-07-15', '2025-07-19', '2025-07-20'];
    const f = holtWinters(s, ahead)!;
    expect(
      wape(
        ahead.flatMap((d) => Array.from({ length: m1 }, (_, k) => truth(d, k))),
        f.flat(),
      ),
    ).toBeLessThan(0.05);
  });

  test('the one-step error search finds a fast level after a lasting shift, a slow one without', () => {
    const steady = Array.from({ length: 6 * 7 * 4 }, (_, t) => 20 + (t % 4) + ((t * 7919) % 5) - 2);
    const shifted = steady.map((v, t) => (t >= 4 * 7 * 4 ? v + 30 : v));
    const a = fitHoltWinters(steady, 4, 28).params.alpha;
    const b = fitHoltWinters(shifted, 4, 28).params.alpha;
    expect(b).toBeGreaterThan(0.2);
    expect(b).toBeGreaterThan(5 * a);
    expect(fitHoltWinters(shifted, 4, 28).state.level).toBeGreaterThan(45);
  });

  test('holidays in the history are skipped, not learned; less than two weeks gives null', () => {
    // History to Tuesday 2025-06-03, just after Dragon Boat Festival (May 31–Jun 2 off) and with Labour Day (May 1–5):
    // at 30 % of normal volume, the holidays would pull the level and the weekly season down.
    const s = makeSeries('2025-04-22', 43, m1, (d, k) => (dayInfo(d).kind === 'public_holiday' ? 0.3 : 1) * truth(d, k));
    const ahead = ['2025-06-04', '2025-06-05', '2025-06-07'];
    const f = holtWinters(s, ahead)!;
    expect(
      wape(
        ahead.flatMap((d) => Array.from({ length: m1 }, (_, k) => truth(d, k))),
        f.flat(),
      ),
    ).toBeLessThan(0.01);
    expect(holtWinters(makeSeries('2025-06-02', 13, m1, truth), ahead)).toBeNull();
  });
});

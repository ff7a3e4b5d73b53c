import { expect, test } from 'vitest';
import { dashboardWindows } from './dashboard-dates.ts';

test('windows end at the start of the center day, not the UTC day', () => {
  // 2026-11-24 01:30 in Shanghai is still 2026-11-23 in UTC.
  const w = dashboardWindows(Date.UTC(2026, 10, 23, 17, 30), 'Asia/Shanghai');
  expect(w.yesterday).toEqual({ from: '2026-11-23', to: '2026-11-24' });
  expect(w.trend).toEqual({ from: '2026-10-27', to: '2026-11-24' });
});

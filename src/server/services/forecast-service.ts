import { DateTime } from 'luxon';
import { z } from 'zod';
import { type Adjustment, forecast } from '../../domain/forecast/forecast.ts';
import { MODEL_NAMES } from '../../domain/forecast/models.ts';
import { HistoryError, toDaySeries } from '../../domain/forecast/series.ts';
import type { Db } from '../../store/audit.ts';
import { loadReportContext } from '../../store/interval-cells.ts';
import { intervalReport } from '../../store/reports.ts';
import { businessCalendar } from '../../store/work-orders.ts';
import { notFound, unprocessable } from '../problem.ts';

const HISTORY_WEEKS = 8;

export const forecastQuery = z.object({
  skillGroupId: z.coerce.number().int().positive(),
  horizonDays: z.coerce.number().int().min(1).max(42).default(14),
  model: z.enum(['auto', ...MODEL_NAMES]).default('auto'),
  intervalMinutes: z.enum(['15', '30', '60']).default('30').transform(Number),
});

/** The skill group's stored history of the last weeks (up to today's start) and its forecast. */
export async function computeForecast(db: Db, q: z.infer<typeof forecastQuery>, now: number) {
  const group = await db.selectFrom('skill_group').selectAll().where('id', '=', q.skillGroupId).executeTakeFirst();
  if (!group) throw notFound('skill group');
  const zone = (await loadReportContext(db)).timeZone;
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const from = today.minus({ weeks: HISTORY_WEEKS });
  const rows = await intervalReport(db, {
    from: from.toISODate() ?? '',
    to: today.toISODate() ?? '',
    interval: q.intervalMinutes as 15 | 30 | 60,
    by: 'queue',
    queue: group.name,
  });
  // Every interval of the range, zeros where no call came, so the series starts and ends on whole days.
  const byStart = new Map(rows.map((r) => [r.intervalStartMs, r]));
  const points = [];
  for (let t = from.toMillis(); t < today.toMillis(); t += q.intervalMinutes * 60_000) {
    const r = byStart.get(t);
    points.push({ intervalStart: t, offered: r?.offered ?? 0, ahtSeconds: r?.ahtSeconds ?? null });
  }
  const cal = await businessCalendar(db);
  const adjRows = await db
    .selectFrom('forecast_adjustment')
    .selectAll()
    .where((eb) => eb.or([eb('skill_group_id', '=', group.id), eb('skill_group_id', 'is', null)]))
    .orderBy('id')
    .execute();
  const adjustments: Adjustment[] = adjRows.map((a) => ({
    from: a.from_date,
    to: a.to_date,
    kind: a.kind as Adjustment['kind'],
    value: a.value,
    reason: a.reason,
    author: a.author,
  }));
  try {
    const series = toDaySeries(points, q.intervalMinutes, zone);
    const result = forecast(series, { horizonDays: q.horizonDays, model: q.model, overrides: cal.overrides, adjustments });
    return {
      group,
      zone,
      series,
      result,
      adjustments: adjRows,
      history: points
        .slice(-14 * (1440 / q.intervalMinutes))
        .map((p) => ({
          intervalStart: DateTime.fromMillis(p.intervalStart, { zone }).toISO({ suppressMilliseconds: true }),
          offered: p.offered,
          ahtSeconds: p.ahtSeconds,
        })),
    };
  } catch (err) {
    if (err instanceof HistoryError) throw unprocessable(err.message, [{ path: 'query.skillGroupId', message: err.message }]);
    throw err;
  }
}

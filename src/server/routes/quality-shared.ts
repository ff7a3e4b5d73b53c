/**
 * Pieces the quality (质检) route files share: who may read, the caller's scope, scoring with errors that
 * name the item, which items failed, and a date range in the center's time zone.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Role } from '../../domain/auth/roles.ts';
import { type EvaluationScore, scoreEvaluation } from '../../domain/quality/scorecard.ts';
import type { Answers, Scorecard } from '../../domain/quality/scorecard-schema.ts';
import type { Db } from '../../store/audit.ts';
import type { QaViewer } from '../../store/quality.ts';
import { teamOfAgent } from '../../store/work-orders.ts';
import type { SessionUser } from '../context.ts';
import { badRequest, unprocessable } from '../problem.ts';

/** Every role that sees some evaluations; which ones is decided per record (agent: own, team lead: team). */
export const QA_READ: Role[] = ['qa', 'manager', 'trainer', 'admin', 'team_lead', 'agent'];
/** Roles that see team- or center-wide QA figures. */
export const QA_ANALYSE: Role[] = ['qa', 'manager', 'trainer', 'admin', 'team_lead'];
export const QA_TAGS = ['quality'];

export async function qaViewer(db: Db, user: SessionUser): Promise<QaViewer> {
  return { roles: user.roles, agentId: user.agentId, teamId: await teamOfAgent(db, user.agentId) };
}

/** Scores answers against a card; a mismatch (unknown item, bad option, too many points) is a 422 naming the item. */
export function scoreOr422(card: Scorecard, answers: Answers, path = 'body.answers'): EvaluationScore {
  try {
    return scoreEvaluation(card, answers);
  } catch (err) {
    if (err instanceof RangeError) {
      const item = /^items? ([^:]+):/.exec(err.message)?.[1] ?? '';
      throw unprocessable(err.message, [{ path: item ? `${path}.${item}` : path, message: err.message }]);
    }
    throw err;
  }
}

/**
 * Items scored below their pass mark (a critical item's `passPoints`, otherwise full marks), in card order.
 * N/A and bonus items never fail. These feed coaching tasks, the Pareto and the u/c charts.
 * @example card items greeting 10, verify 10 (N/A), policy 5; answers 8 / N/A / 5 → ['greeting']
 */
export function failedItems(card: Scorecard, answers: Answers): string[] {
  return card.sections.flatMap((sec) =>
    sec.items
      .filter((i) => !i.bonus)
      .filter((i) => {
        const a = answers[i.id];
        if (!a || 'na' in a) return false;
        const pts = 'points' in a ? a.points : (i.scale?.find((o) => o.label === a.option)?.points ?? 0);
        return pts < (i.passPoints ?? i.maxPoints);
      })
      .map((i) => i.id),
  );
}

/** 1 when any critical item failed (section- or form-level), the p-chart's "defective". */
export const criticalFlag = (s: EvaluationScore): 0 | 1 =>
  s.formCriticalFailed.length + s.sectionCriticalFailed.length > 0 ? 1 : 0;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
/** `from` inclusive, `to` inclusive (whole days in the center's zone); default: the 90 days up to today. */
export const dateRangeQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export function dayRangeMs(
  q: { from?: string; to?: string },
  zone: string,
  now: number,
): { from: number; to: number; fromDate: string; toDate: string } {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const end = q.to ? DateTime.fromISO(q.to, { zone }) : today;
  const start = q.from ? DateTime.fromISO(q.from, { zone }) : end.minus({ days: 89 });
  if (!start.isValid) throw badRequest('invalid date', [{ path: 'query.from', message: 'not a calendar date' }]);
  if (!end.isValid) throw badRequest('invalid date', [{ path: 'query.to', message: 'not a calendar date' }]);
  if (end < start) throw badRequest('to is before from', [{ path: 'query.to', message: 'must not be before from' }]);
  return { from: start.toMillis(), to: end.plus({ days: 1 }).toMillis(), fromDate: start.toISODate()!, toDate: end.toISODate()! };
}

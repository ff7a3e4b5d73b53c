import { addDays } from '../../../domain/calendar/civil-date.ts';
import type { ApiClient } from '../../api/client.ts';
import type { PlanAnswer } from './staffing-types.ts';

/** What the staffing-plan page asks for: a skill group, a week (null = the last full week of data), options. */
export interface PlanRequest {
  skillGroupId: number;
  /** Monday YYYY-MM-DD, or null for the default week. */
  monday: string | null;
  interval: 15 | 30;
  model: 'c' | 'a';
  /** Share, 0 ≤ s < 1. */
  shrinkage: number;
  /** Erlang A only; null = estimated from the week. */
  patienceSeconds: number | null;
  /** Erlang A only: share. */
  maxAbandonRate: number | null;
}

/** YYYY-MM-DD plus whole days (calendar dates, no zone involved). */
export function plusDays(isoDate: string, days: number): string {
  return addDays(isoDate, days);
}

/** The Monday of the week holding a date (ISO weeks start on Monday). */
export function mondayOf(isoDate: string): string {
  const dow = (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  return plusDays(isoDate, -dow);
}

/** The query of GET /staffing/plan/history for a request. */
export function historyQuery(r: PlanRequest) {
  return {
    skillGroupId: r.skillGroupId,
    from: r.monday ?? undefined,
    to: r.monday ? plusDays(r.monday, 7) : undefined,
    interval: r.interval,
    shrinkage: r.shrinkage,
    model: r.model,
    patienceSeconds: r.model === 'a' ? (r.patienceSeconds ?? undefined) : undefined,
    maxAbandonRate: r.model === 'a' ? (r.maxAbandonRate ?? undefined) : undefined,
  };
}

export type PlanSource = (api: ApiClient, request: PlanRequest) => Promise<PlanAnswer>;

/** The requirement of a past week from its actual calls and AHT. */
export const historyPlan: PlanSource = (api, request) => api.get<PlanAnswer>('/staffing/plan/history', historyQuery(request));

/**
 * Where the plan page takes its intervals from. Today: the week's actual traffic. A forecast-based source
 * (forecast intervals → POST /staffing/plan) replaces this one line.
 */
export const planSource: PlanSource = historyPlan;

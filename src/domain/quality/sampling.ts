/**
 * Choosing the contacts to evaluate (抽检): per agent and per period (day, ISO week or month in the center's
 * time zone), first the targeted samples — complaints, longest handle times, low satisfaction, transfers,
 * repeat callers — then a random quota from what remains within the filters. Random draws use the
 * uniform RNG passed in (`() => number` in [0, 1)), and candidates are sorted by time and key first, so the
 * same seed and the same contacts give the same sample whatever order they arrive in.
 *
 * A repeat caller's contact is one followed by another contact from the same caller number within
 * `repeatWithinHours` (default 72): the earlier call presumably did not resolve the matter (the FCR view).
 * When an agent has fewer eligible contacts than asked, the shortfall is reported, not hidden.
 *
 * @example
 * selectSample(candidates, { period: 'day', quota: 5, targeted: [{ criterion: 'complaint', perAgent: 2 }] }, rng)
 * // → per agent and day: up to 2 complaint calls, then 5 random others
 */
import { DateTime } from 'luxon';
import type { Contact } from '../contacts/contact.ts';

export interface SampleCandidate {
  key: string;
  agent: string;
  /** When the contact was answered or entered (UTC epoch ms): it decides the period. */
  at: number;
  queue: string;
  handleSeconds: number;
  transferred: boolean;
  callerId: string | null;
  /** Linked to a complaint work order (投诉). */
  complaint: boolean;
  /** Callback satisfaction score, null when not surveyed. */
  satisfaction: number | null;
}

export type TargetCriterion = 'complaint' | 'longest_handle' | 'low_satisfaction' | 'transferred' | 'repeat_caller';

export interface TargetRule {
  criterion: TargetCriterion;
  /** Samples of this kind per agent per period. */
  perAgent: number;
  /** low_satisfaction: scores strictly below this count as low (default 3, e.g. on a 1–5 scale). */
  satisfactionBelow?: number;
  /** repeat_caller: window after the contact (default 72 h). */
  repeatWithinHours?: number;
}

export interface SamplingPlan {
  period: 'day' | 'week' | 'month';
  /** IANA zone for period boundaries (default Asia/Shanghai). */
  zone?: string;
  /** Random samples per agent per period, after the targeted ones. */
  quota: number;
  filters?: { queues?: readonly string[]; agents?: readonly string[]; minHandleSeconds?: number; maxHandleSeconds?: number };
  targeted?: readonly TargetRule[];
}

export interface SampledContact {
  key: string;
  agent: string;
  period: string;
  reason: 'random' | TargetCriterion;
}

export interface Shortfall {
  agent: string;
  period: string;
  reason: 'random' | TargetCriterion;
  wanted: number;
  got: number;
}

export interface SampleSelection {
  samples: SampledContact[];
  shortfalls: Shortfall[];
}

/**
 * A sampling candidate from a normalised contact: answered contacts with an agent only (nothing else can be
 * evaluated); handle time = talk + hold + after-call work; complaint and satisfaction come from work orders
 * and callbacks, which the caller joins in.
 */
export function candidateFromContact(
  contact: Contact,
  extra: { complaint?: boolean; satisfaction?: number | null } = {},
): SampleCandidate | null {
  if (contact.outcome !== 'answered' || contact.agent === null) return null;
  return {
    key: contact.key,
    agent: contact.agent,
    at: contact.answeredAt ?? contact.enteredAt,
    queue: contact.queue,
    handleSeconds: contact.talkSeconds + contact.holdSeconds + contact.acwSeconds,
    transferred: contact.transferred,
    callerId: contact.callerId,
    complaint: extra.complaint ?? false,
    satisfaction: extra.satisfaction ?? null,
  };
}

/** The period label of an instant: `2025-03-07`, `2025-W10` or `2025-03`. */
export function periodOf(at: number, period: SamplingPlan['period'], zone = 'Asia/Shanghai'): string {
  const t = DateTime.fromMillis(at, { zone });
  if (!t.isValid) throw new RangeError(`invalid instant ${at} or zone ${zone}`);
  return period === 'day' ? t.toFormat('yyyy-MM-dd') : period === 'week' ? t.toFormat("kkkk-'W'WW") : t.toFormat('yyyy-MM');
}

/** Draws k items without replacement (partial Fisher–Yates), in draw order. */
export function drawWithoutReplacement<T>(items: readonly T[], k: number, rng: () => number): T[] {
  const pool = [...items];
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

/** Keys of contacts followed by another contact from the same caller within the window. */
export function repeatCallerKeys(candidates: readonly SampleCandidate[], withinHours = 72): Set<string> {
  const byCaller = new Map<string, SampleCandidate[]>();
  for (const c of candidates) {
    if (!c.callerId) continue;
    if (!byCaller.has(c.callerId)) byCaller.set(c.callerId, []);
    byCaller.get(c.callerId)!.push(c);
  }
  const keys = new Set<string>();
  for (const calls of byCaller.values()) {
    calls.sort((a, b) => a.at - b.at);
    for (let i = 0; i + 1 < calls.length; i++) {
      if (calls[i + 1].at - calls[i].at <= withinHours * 3_600_000) keys.add(calls[i].key);
    }
  }
  return keys;
}

/** Whether a candidate passes the plan's filters. */
export function passesFilters(c: SampleCandidate, f: NonNullable<SamplingPlan['filters']>): boolean {
  return (
    (!f.queues || f.queues.includes(c.queue)) &&
    (!f.agents || f.agents.includes(c.agent)) &&
    (f.minHandleSeconds === undefined || c.handleSeconds >= f.minHandleSeconds) &&
    (f.maxHandleSeconds === undefined || c.handleSeconds <= f.maxHandleSeconds)
  );
}

const byTimeThenKey = (a: SampleCandidate, b: SampleCandidate) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Selects the sample for every agent and period present in the candidates. */
export function selectSample(candidates: readonly SampleCandidate[], plan: SamplingPlan, rng: () => number): SampleSelection {
  const repeats = plan.targeted?.some((t) => t.criterion === 'repeat_caller')
    ? repeatCallerKeys(candidates, plan.targeted.find((t) => t.criterion === 'repeat_caller')!.repeatWithinHours)
    : new Set<string>();
  const keys = new Set<string>();
  for (const c of candidates) {
    // Samples are recorded by key: two candidates with one key would make a sample ambiguous.
    if (keys.has(c.key)) throw new RangeError(`duplicate candidate key ${c.key}`);
    keys.add(c.key);
  }
  const groups = new Map<string, { agent: string; period: string; contacts: SampleCandidate[] }>();
  for (const c of [...candidates].sort(byTimeThenKey)) {
    if (!passesFilters(c, plan.filters ?? {})) continue;
    const period = periodOf(c.at, plan.period, plan.zone);
    const id = JSON.stringify([c.agent, period]);
    if (!groups.has(id)) groups.set(id, { agent: c.agent, period, contacts: [] });
    groups.get(id)!.contacts.push(c);
  }
  const samples: SampledContact[] = [];
  const shortfalls: Shortfall[] = [];
  const ordered = [...groups.values()].sort((a, b) =>
    a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
  );
  for (const { agent, period, contacts } of ordered) {
    const taken = new Set<string>();
    const take = (picked: SampleCandidate[], reason: SampledContact['reason'], wanted: number) => {
      for (const c of picked) {
        taken.add(c.key);
        samples.push({ key: c.key, agent, period, reason });
      }
      if (picked.length < wanted) shortfalls.push({ agent, period, reason, wanted, got: picked.length });
    };
    for (const rule of plan.targeted ?? []) {
      const open = contacts.filter((c) => !taken.has(c.key));
      if (rule.criterion === 'longest_handle') {
        const longest = [...open]
          .sort((a, b) => b.handleSeconds - a.handleSeconds || byTimeThenKey(a, b))
          .slice(0, rule.perAgent);
        take(longest, rule.criterion, rule.perAgent);
        continue;
      }
      const below = rule.satisfactionBelow ?? 3;
      const eligible = open.filter((c) =>
        rule.criterion === 'complaint'
          ? c.complaint
          : rule.criterion === 'transferred'
            ? c.transferred
            : rule.criterion === 'repeat_caller'
              ? repeats.has(c.key)
              : c.satisfaction !== null && c.satisfaction < below,
      );
      take(drawWithoutReplacement(eligible, rule.perAgent, rng), rule.criterion, rule.perAgent);
    }
    take(
      drawWithoutReplacement(
        contacts.filter((c) => !taken.has(c.key)),
        plan.quota,
        rng,
      ),
      'random',
      plan.quota,
    );
  }
  return { samples, shortfalls };
}

import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMs,
  type BusinessCalendar,
  workingMsBetween,
} from '../calendar/business-calendar.ts';
import { localDayNumber, offsetInHour } from '../calendar/zone-offset.ts';
import type { Uniform } from '../simulation/random.ts';
import { DEFAULT_DEADLINE_POLICY, orderDueAt } from '../work-orders/deadline-policy.ts';
import type { AnswerBasis, Category, OrderContent, Satisfaction } from '../work-orders/types.ts';
import { DEMO_HANDLING_UNITS, demoName } from './demo-center.ts';
import {
  DEMO_ANSWERS,
  DEMO_DISTRICTS,
  DEMO_ESTATES,
  DEMO_MATTERS,
  DEMO_ROADS,
  DEMO_WHEN,
  type DemoMatter,
  returnReason,
} from './demo-work-order-matters.ts';

/** Who takes a step: the agent who registered the order, the lead of their team, or a handling unit's handler. */
export type DemoActor = { kind: 'agent' } | { kind: 'lead' } | { kind: 'unit'; unit: string };

/** A step as the work-order API takes it (units by code; the service computes every deadline). */
export type DemoAction =
  | { type: 'answerDirectly'; answer: string; basis: AnswerBasis }
  | { type: 'dispatch'; units: string[] }
  | { type: 'accept' }
  | { type: 'start' }
  | { type: 'reply'; reply: string }
  | { type: 'return'; reason: string }
  | { type: 'requestExtension'; until: number; reason: string }
  | { type: 'approveExtension' }
  | { type: 'rejectExtension'; note: string }
  | { type: 'callback'; satisfaction: Satisfaction }
  | { type: 'close'; note: string }
  | { type: 'remind' }
  | { type: 'supervise'; note: string }
  /** Merged as a duplicate into the plan's order at index `into` (an earlier one, still open then). */
  | { type: 'merge'; into: number; note: string };

export interface DemoStep {
  at: number;
  by: DemoActor;
  action: DemoAction;
}

/** One order: registered by `agentNo` after the call `contactKey`, then its steps in time order (none after `now`). */
export interface DemoOrder {
  contactKey: string;
  agentNo: string;
  team: number;
  at: number;
  callEndedAt: number;
  categories: Category[];
  urgent: boolean;
  title: string;
  location: string;
  content: OrderContent;
  caller: { name: string | null; phone: string | null };
  steps: DemoStep[];
}

/** An answered demo call an order may come from. */
export interface DemoCall {
  key: string;
  queue: string;
  agentNo: string;
  callerId: string | null;
  endedAt: number;
  acwSeconds: number;
}

export interface DemoWorkOrderInput {
  /** Answered calls in time order. */
  calls: readonly DemoCall[];
  /** Team of each agent (employee number). */
  teamOf: ReadonlyMap<string, number>;
  /** The seed's now: nothing is planned after it. */
  now: number;
  /** The handling units' calendar (the service's `businessCalendar`), for planning on time and late. */
  calendar: BusinessCalendar;
  /** The demo agent's team: its latest replied orders still wait for their callback. */
  focusTeam: number;
  /** Share of answered calls that become an order (default {@link DEMO_ORDER_SHARE}). */
  share?: number;
}

/** ~1.3 % of answered calls: about 2,300 orders over the demo's 8 weeks (a real 12345 line files one per call). */
export const DEMO_ORDER_SHARE = 0.013;

/** Per unit: share replied by the deadline, and mean working hours to accept. */
const UNIT_PROFILE: Record<string, { onTime: number; acceptHours: number }> = {
  'HU-RSJ': { onTime: 0.9, acceptHours: 1.5 },
  'HU-ZJJ': { onTime: 0.74, acceptHours: 3 },
  'HU-SCJ': { onTime: 0.88, acceptHours: 2 },
  'HU-JTJ': { onTime: 0.84, acceptHours: 2.5 },
  'HU-SWJ': { onTime: 0.93, acceptHours: 0.8 },
  'HU-GAJ': { onTime: 0.9, acceptHours: 1 },
  'HU-HBJ': { onTime: 0.8, acceptHours: 3 },
  'HU-DLG': { onTime: 0.92, acceptHours: 1 },
};

/** Categories by queue: the complaint line hears complaints and reports, the policy line questions. */
const CATEGORY_MIX: Record<string, [Category, number][]> = {
  policy: [
    ['consultation', 0.6],
    ['help', 0.15],
    ['complaint', 0.1],
    ['suggestion', 0.1],
    ['report', 0.05],
  ],
  complaint: [
    ['complaint', 0.45],
    ['help', 0.25],
    ['report', 0.15],
    ['consultation', 0.1],
    ['suggestion', 0.05],
  ],
  enterprise: [
    ['consultation', 0.55],
    ['complaint', 0.25],
    ['help', 0.1],
    ['suggestion', 0.1],
  ],
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const unitName = (code: string) => DEMO_HANDLING_UNITS.find((x) => x.code === code)?.name ?? code;

function pick<T>(u: Uniform, xs: readonly T[]): T {
  return xs[Math.floor(u() * xs.length)] as T;
}

function weighted<T>(u: Uniform, xs: readonly T[], weight: (x: T) => number): T {
  let r = u() * xs.reduce((s, x) => s + weight(x), 0);
  for (const x of xs) {
    r -= weight(x);
    if (r < 0) return x;
  }
  return xs[xs.length - 1] as T;
}

const between = (u: Uniform, a: number, b: number) => a + (b - a) * u();

/**
 * The demo center's work orders (工单) over the weeks of call history: orders registered from answered calls by
 * the agents who took them, consultations answered on the spot (一次办结), the rest dispatched to the handling
 * units with each unit's pace (most reply by the deadline, some late, a few left far overdue), some returned to
 * the wrong unit (退单) and dispatched again, extension requests granted or refused, callbacks (回访) mostly
 * satisfied and some not (重办), a few closed without reaching the caller; whatever falls after `now` stays open,
 * so the backlog has every age. Only the plan: the seed applies it through the work-order service, which computes
 * every deadline, status and notification itself. Deterministic for a given uniform source.
 */
export function demoWorkOrders(u: Uniform, input: DemoWorkOrderInput): DemoOrder[] {
  const share = input.share ?? DEMO_ORDER_SHARE;
  const orders: DemoOrder[] = [];
  for (const call of input.calls) {
    if (u() >= share) continue;
    const order = planOrder(u, input, call);
    if (order.at < input.now) orders.push({ ...order, steps: order.steps.filter((s) => s.at <= input.now) });
  }
  holdLatest(orders, 3, (o, s, i) => s.action.type === 'dispatch' && s.by.kind === 'lead' && i === 0 && !o.urgent);
  holdLatest(orders, 2, (o, s, i) => s.action.type === 'dispatch' && o.steps[i - 1]?.action.type === 'return');
  holdLatest(orders, 3, (_, s) => s.action.type === 'approveExtension' || s.action.type === 'rejectExtension');
  holdLatest(orders, 6, (o, s) => o.team === input.focusTeam && (s.action.type === 'callback' || s.action.type === 'close'));
  return [...orders, ...duplicateOrders(u, input, orders)];
}

/** Share of callers who call again about their dispatched, still open order whose second call is filed (then merged). */
const DUPLICATE_SHARE = 0.5;

/**
 * Duplicates (重复工单): a caller whose dispatched order is still open calls again about it (another answered call
 * from the same number, 1–72 hours later) and the agent who answers files the matter again; the lead of that
 * agent's team merges the new order into the first, 10–90 minutes later, while the first is still open. Returned
 * in time order after `orders`, each with a merge step into its original's index (none after `now`).
 */
function duplicateOrders(u: Uniform, input: DemoWorkOrderInput, orders: readonly DemoOrder[]): DemoOrder[] {
  const byCaller = new Map<string, DemoCall[]>();
  for (const c of input.calls) {
    if (!c.callerId) continue;
    const list = byCaller.get(c.callerId);
    if (list) list.push(c);
    else byCaller.set(c.callerId, [c]);
  }
  const used = new Set(orders.map((o) => o.contactKey));
  const out: DemoOrder[] = [];
  orders.forEach((o, into) => {
    const dispatched = o.steps.find((s) => s.action.type === 'dispatch')?.at;
    if (!o.caller.phone || dispatched === undefined) return;
    // Open until its callback or close (a callback may also lead to redo: earlier is the safe side).
    const closing = o.steps.find((s) => s.action.type === 'callback' || s.action.type === 'close')?.at ?? input.now;
    const again = (byCaller.get(o.caller.phone) ?? []).find(
      (c) =>
        !used.has(c.key) &&
        c.endedAt > Math.max(o.at + HOUR, dispatched) &&
        c.endedAt < Math.min(o.at + 72 * HOUR, closing - 2 * HOUR),
    );
    if (!again || u() >= DUPLICATE_SHARE) return;
    const at = again.endedAt + Math.round(between(u, 60, 240) * 1000);
    const mergeAt = at + Math.round(between(u, 10, 90) * MINUTE);
    if (mergeAt >= Math.min(closing, input.now)) return;
    used.add(again.key);
    out.push({
      ...o,
      contactKey: again.key,
      agentNo: again.agentNo,
      team: input.teamOf.get(again.agentNo) ?? 0,
      at,
      callEndedAt: again.endedAt,
      urgent: false,
      steps: [{ at: mergeAt, by: { kind: 'lead' }, action: { type: 'merge', into, note: '同一来电人同一诉求，合并办理' } }],
    });
  });
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Work waiting at `now` on the boards: of the steps that match, the `k` latest (one per order) are not taken yet —
 * the order stops before them (the newest orders to dispatch, returns to re-dispatch, extensions to decide).
 */
function holdLatest(orders: DemoOrder[], k: number, match: (o: DemoOrder, s: DemoStep, i: number) => boolean) {
  const found: { o: DemoOrder; i: number; at: number }[] = [];
  for (const o of orders) {
    const i = o.steps.findIndex((s, j) => match(o, s, j));
    if (i >= 0) found.push({ o, i, at: o.steps[i]!.at });
  }
  found.sort((a, b) => b.at - a.at);
  for (const f of found.slice(0, k)) f.o.steps = f.o.steps.slice(0, f.i);
}

function planOrder(u: Uniform, input: DemoWorkOrderInput, call: DemoCall): DemoOrder {
  const cal = input.calendar;
  const mix = CATEGORY_MIX[call.queue] ?? CATEGORY_MIX.policy!;
  const category = weighted(u, mix, (m) => m[1])[0];
  const district = pick(u, DEMO_DISTRICTS);
  const late = u() < 0.05; // registered more than 15 minutes after the call (话后完成超时)
  const at =
    call.endedAt +
    (late ? between(u, 16, 45) * MINUTE : Math.round(call.acwSeconds * 1000 * between(u, 0.3, 1) + between(u, 20, 120) * 1000));
  const r = u();
  const caller = {
    name: r < 0.7 ? demoName(u) : r < 0.9 ? `${demoName(u).slice(0, 1)}${u() < 0.5 ? '先生' : '女士'}` : null,
    phone: call.callerId,
  };
  const base = {
    contactKey: call.key,
    agentNo: call.agentNo,
    team: input.teamOf.get(call.agentNo) ?? 0,
    at: Math.round(at),
    callEndedAt: call.endedAt,
    caller,
  };
  if (category === 'consultation' && u() < 0.85) {
    const a = pick(u, DEMO_ANSWERS);
    return {
      ...base,
      categories: ['consultation'],
      urgent: false,
      title: `${district}${a.topic}咨询`,
      location: district,
      content: { what: `来电咨询${a.topic}` },
      steps: [
        {
          at: base.at + Math.round(between(u, 15, 90) * 1000),
          by: { kind: 'agent' },
          action: { type: 'answerDirectly', answer: a.answer, basis: a.basis },
        },
      ],
    };
  }
  const matter = weighted(
    u,
    DEMO_MATTERS.filter((m) => m.category === category),
    (m) => m.weight,
  );
  const place = matter.at === 'estate' ? pick(u, DEMO_ESTATES) : pick(u, DEMO_ROADS);
  const urgent = u() < (matter.urgent ?? 0);
  return {
    ...base,
    // Some callers ask and complain at once: filed as the stricter category (resolveCategory).
    categories: category !== 'consultation' && u() < 0.04 ? ['consultation', category] : [category],
    urgent,
    title: `${place}${matter.summary}`,
    location: `${district}${place}`,
    content: {
      time: pick(u, DEMO_WHEN),
      place: matter.at === 'estate' ? `${place}${1 + Math.floor(u() * 12)}号楼` : `${place}附近`,
      what: matter.what,
      demand: matter.demand,
    },
    steps: dispatchedSteps(u, cal, matter, category, urgent, base.at),
  };
}

/** The steps of a dispatched order, from its dispatch to its close (or as far as they go). */
function dispatchedSteps(
  u: Uniform,
  cal: BusinessCalendar,
  matter: DemoMatter,
  category: Category,
  urgent: boolean,
  registeredAt: number,
): DemoStep[] {
  const steps: DemoStep[] = [];
  let t = registeredAt;
  let supervised = false;
  const push = (at: number, by: DemoActor, action: DemoAction) => {
    if (action.type === 'supervise' && supervised) return t; // 督办 is a flag: set once
    if (action.type === 'supervise') supervised = true;
    t = Math.max(Math.round(at), t + 1000);
    steps.push({ at: t, by, action });
    return t;
  };
  const dueFrom = (from: number) =>
    orderDueAt(DEFAULT_DEADLINE_POLICY, cal, { category, priority: urgent ? 'urgent' : 'normal' }, from);
  const byLead = urgent || u() < 0.3;
  const dispatchAt = registeredAt + (byLead ? between(u, urgent ? 3 : 15, urgent ? 15 : 240) : between(u, 0.7, 4)) * MINUTE;
  const wrong =
    !urgent && u() < 0.05
      ? pick(
          u,
          DEMO_HANDLING_UNITS.filter((x) => x.code !== matter.unit),
        ).code
      : null;
  const units = matter.alsoUnit && u() < 0.3 ? [matter.unit, matter.alsoUnit] : [matter.unit];
  let from = push(dispatchAt, byLead ? { kind: 'lead' } : { kind: 'agent' }, {
    type: 'dispatch',
    units: wrong ? [wrong] : units,
  });
  if (wrong) {
    push(
      addWorkingHours(cal, from, between(u, 0.3, 4)),
      { kind: 'unit', unit: wrong },
      {
        type: 'return',
        reason: returnReason(unitName(matter.unit)),
      },
    );
    from = push(t + between(u, 20, 180) * MINUTE, { kind: 'lead' }, { type: 'dispatch', units });
  }
  for (let round = 0; round < 3; round++) {
    const due = dueFrom(from);
    const replied = work(u, cal, matter, units, {
      from,
      due,
      urgent,
      extension: units.length === 1 && !urgent && category !== 'consultation',
    });
    for (const s of replied.steps) push(s.at, s.by, s.action);
    if (u() < 0.04) {
      push(t + between(u, 20, 50) * HOUR, { kind: 'lead' }, { type: 'close', note: '三次回访未接通，按办结处理' });
      break;
    }
    const callbackAt =
      replied.onTime && t + 3 * HOUR > replied.due
        ? t + (replied.due - t) * between(u, 0.3, 0.9)
        : daytime(cal, t + (replied.onTime ? between(u, 0.25, 3) : between(u, 0.5, 20)) * HOUR, u);
    const s = u();
    const satisfaction: Satisfaction = replied.onTime
      ? s < 0.78
        ? 'satisfied'
        : s < 0.92
          ? 'basically_satisfied'
          : 'dissatisfied'
      : s < 0.5
        ? 'satisfied'
        : s < 0.8
          ? 'basically_satisfied'
          : 'dissatisfied';
    // A caller still dissatisfied after two redos is closed as satisfied as can be: the plan stops redoing.
    const final = round === 2 && satisfaction === 'dissatisfied' ? 'basically_satisfied' : satisfaction;
    from = push(callbackAt, { kind: 'agent' }, { type: 'callback', satisfaction: final });
    if (final !== 'dissatisfied') break;
  }
  return steps;
}

/** Moves an instant outside 08:00–21:00 (the callback desk's hours) to the next morning. */
function daytime(cal: BusinessCalendar, ms: number, u: Uniform): number {
  const day = localDayNumber(ms, cal.timeZone);
  const hour = (ms - localMidnight(cal, day)) / HOUR;
  if (hour >= 8 && hour < 21) return ms;
  return localMidnight(cal, hour >= 21 ? day + 1 : day) + 8 * HOUR + between(u, 0, 90) * MINUTE;
}

/** The instant of local midnight of a day number (the offset of that instant's hour; no DST in the demo's zone). */
function localMidnight(cal: BusinessCalendar, day: number): number {
  const utc = day * 86_400_000;
  return utc - offsetInHour(Math.floor(utc / HOUR), cal.timeZone).ms;
}

/**
 * Each unit's part after a dispatch or redo at `from` with deadline `due`: accept, perhaps start, perhaps ask for
 * more time (decided by the lead), then reply by the deadline or late (a few far late, reminded and supervised).
 */
function work(
  u: Uniform,
  cal: BusinessCalendar,
  matter: DemoMatter,
  units: readonly string[],
  o: { from: number; due: number; urgent: boolean; extension: boolean },
): { steps: DemoStep[]; onTime: boolean; due: number } {
  const steps: DemoStep[] = [];
  let due = o.due;
  let onTime = true;
  for (const unit of units) {
    const by: DemoActor = { kind: 'unit', unit };
    const profile = UNIT_PROFILE[unit] ?? { onTime: 0.85, acceptHours: 2 };
    const accept = addWorkingHours(cal, o.from, o.urgent ? between(u, 0.05, 0.4) : between(u, 0.1, 2 * profile.acceptHours));
    steps.push({ at: accept, by, action: { type: 'accept' } });
    let ready = accept;
    if (u() < 0.6) {
      ready = addWorkingHours(cal, accept, between(u, 0.1, 1));
      steps.push({ at: ready, by, action: { type: 'start' } });
    }
    let p = profile.onTime;
    if (o.extension && u() < 0.07 && ready < due) {
      const asked = addWorkingMs(cal, ready, workingMsBetween(cal, ready, due) * between(u, 0.3, 0.7));
      const until = addWorkingDays(cal, due, 3 + Math.floor(u() * 3));
      steps.push({ at: asked, by, action: { type: 'requestExtension', until, reason: '涉及多部门协调，需现场复核' } });
      ready = addWorkingHours(cal, asked, between(u, 0.3, 5));
      if (u() < 0.7) {
        steps.push({ at: ready, by: { kind: 'lead' }, action: { type: 'approveExtension' } });
        due = until;
        p = 0.9;
      } else {
        steps.push({ at: ready, by: { kind: 'lead' }, action: { type: 'rejectExtension', note: '理由不充分，请按期办结' } });
        p = 0.6;
      }
    }
    const left = workingMsBetween(cal, ready, due);
    const stuck = !o.urgent && u() < 0.02;
    const inTime = !stuck && left > 10 * MINUTE && u() < p;
    const reply = inTime
      ? addWorkingMs(cal, ready, left * between(u, 0.2, 0.92))
      : addWorkingHours(cal, Math.max(due, ready), stuck ? between(u, 40, 260) : between(u, 0.3, 27));
    if (!inTime) {
      onTime = false;
      const remindAt = addWorkingHours(cal, due, between(u, 0.3, 4));
      if (u() < 0.5 && remindAt < reply) steps.push({ at: remindAt, by: { kind: 'agent' }, action: { type: 'remind' } });
      const superviseAt = addWorkingHours(cal, due, between(u, 4, 20));
      if (stuck && superviseAt < reply)
        steps.push({ at: superviseAt, by: { kind: 'lead' }, action: { type: 'supervise', note: '超期未办结，列入督办' } });
    }
    steps.push({ at: reply, by, action: { type: 'reply', reply: matter.reply } });
  }
  // Several units work side by side: their steps in time order.
  steps.sort((a, b) => a.at - b.at);
  return { steps, onTime, due };
}

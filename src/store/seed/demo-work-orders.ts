import type SQLite from 'better-sqlite3';
import type { Role } from '../../domain/auth/roles.ts';
import type { Contact } from '../../domain/contacts/contact.ts';
import type { DemoAgent } from '../../domain/demo/demo-center.ts';
import { type DemoAction, type DemoOrder, type DemoStep, demoWorkOrders } from '../../domain/demo/demo-work-orders.ts';
import type { Uniform } from '../../domain/simulation/random.ts';
import { type ApiAction, actOnOrderIn, escalateOrderIn, registerWorkOrderIn } from '../../server/services/work-order-service.ts';
import type { Actor, Db } from '../audit.ts';
import { memoryWorkOrderStore } from '../work-order-memory-store.ts';
import type { OrderUser, WorkOrderStore } from '../work-order-store.ts';

const HOUR = 3_600_000;

/**
 * The demo's work orders: planned from the answered calls (demoWorkOrders), applied through the work-order
 * service on the in-memory store and written in bulk. Notifications older than two days are marked read two
 * hours after they came, as people who work the orders would have.
 */
export async function seedDemoWorkOrders(
  db: Db,
  u: Uniform,
  o: { agents: readonly DemoAgent[]; contacts: readonly Contact[]; now: number; focusTeam: number; sqlite?: SQLite.Database },
) {
  const store = await memoryWorkOrderStore(db, o.sqlite);
  const plan = demoWorkOrders(u, {
    calls: o.contacts.flatMap((c) =>
      c.outcome === 'answered' && c.agent && c.endedAt != null
        ? [{ key: c.key, queue: c.queue, agentNo: c.agent, callerId: c.callerId, endedAt: c.endedAt, acwSeconds: c.acwSeconds }]
        : [],
    ),
    teamOf: new Map(o.agents.map((a) => [a.employeeNo, a.team])),
    now: o.now,
    calendar: await store.calendar(),
    focusTeam: o.focusTeam,
  });
  await applyDemoOrders(store, await demoPeople(db), plan, o.now);
  const written = await store.flush();
  await db
    .updateTable('notification')
    .set((eb) => ({ read_at: eb('at', '+', 2 * HOUR) }))
    .where('at', '<', o.now - 48 * HOUR)
    .execute();
  return written;
}

/** A demo login as the work-order service sees it. */
type Person = OrderUser & { actor: Actor };

/** Who acts in the demo: each agent (by employee number), each team's lead (by team number), each unit's handler (by code). */
export interface DemoPeople {
  agents: Map<string, Person>;
  leads: Map<number, Person>;
  units: Map<string, Person>;
  unitIds: Map<string, number>;
}

/** The demo's logins linked to agents, team leaders and units (seedDemoOrganisation), read back from the database. */
export async function demoPeople(db: Db): Promise<DemoPeople> {
  const users = await db
    .selectFrom('app_user')
    .leftJoin('agent', 'agent.id', 'app_user.agent_id')
    .leftJoin('team', 'team.leader_agent_id', 'agent.id')
    .leftJoin('handling_unit', 'handling_unit.id', 'app_user.unit_id')
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.agent_id',
      'app_user.unit_id',
      'agent.employee_no',
      'agent.team_id',
      'team.id as led_team',
      'handling_unit.code as unit_code',
    ])
    .orderBy('app_user.id')
    .execute();
  const roles = await db.selectFrom('user_role').select(['user_id', 'role']).execute();
  const teamNumber = new Map(
    (await db.selectFrom('team').select('id').orderBy('id').execute()).map((t, i) => [t.id, i + 1] as const),
  );
  const people: DemoPeople = { agents: new Map(), leads: new Map(), units: new Map(), unitIds: new Map() };
  for (const u of users) {
    const p: Person = {
      id: u.id,
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role as Role),
      agentId: u.agent_id,
      unitId: u.unit_id,
      actor: { userId: u.id, name: u.username },
    };
    if (u.employee_no) people.agents.set(u.employee_no, p);
    if (u.led_team != null && p.roles.includes('team_lead')) people.leads.set(teamNumber.get(u.led_team) ?? 0, p);
    if (u.unit_code && u.unit_id != null && !people.units.has(u.unit_code)) {
      people.units.set(u.unit_code, p);
      people.unitIds.set(u.unit_code, u.unit_id);
    }
  }
  return people;
}

/**
 * Applies the demo's order plan (src/domain/demo/demo-work-orders.ts) through the work-order service, step by
 * step in time order across all orders — the same registration, transitions, deadlines, escalations,
 * notifications and audit entries as the API — then runs the escalation sweep at `now`, as the dispatch board's
 * button does. Returns the orders' ids in plan order. A step the service refuses is a bug in the plan: it throws.
 */
export async function applyDemoOrders(
  store: WorkOrderStore,
  people: DemoPeople,
  plan: readonly DemoOrder[],
  now: number,
): Promise<number[]> {
  const events: { at: number; order: number; step: number }[] = [];
  plan.forEach((o, i) => {
    events.push({ at: o.at, order: i, step: -1 });
    o.steps.forEach((s, j) => {
      events.push({ at: s.at, order: i, step: j });
    });
  });
  events.sort((a, b) => a.at - b.at || a.order - b.order || a.step - b.step);
  const ids: number[] = [];
  for (const e of events) {
    const o = plan[e.order] as DemoOrder;
    try {
      if (e.step < 0) {
        const agent = must(people.agents.get(o.agentNo), `agent ${o.agentNo}`);
        const created = await registerWorkOrderIn(
          store,
          agent,
          agent.actor,
          {
            channel: 'phone',
            categories: o.categories,
            priority: o.urgent ? 'urgent' : 'normal',
            title: o.title,
            location: o.location,
            content: o.content,
            caller: o.caller,
            contactKeys: [o.contactKey],
            callEndedAt: new Date(o.callEndedAt).toISOString(),
          },
          e.at,
        );
        ids[e.order] = created.id;
      } else {
        const step = o.steps[e.step] as DemoStep;
        const who = personOf(people, o, step);
        await actOnOrderIn(store, who, who.actor, ids[e.order] as number, apiAction(step.action, people, ids), e.at);
      }
    } catch (err) {
      const what = e.step < 0 ? 'register' : o.steps[e.step]?.action.type;
      throw new Error(`demo work order ${e.order} (${o.title}), ${what} at ${new Date(e.at).toISOString()}: ${String(err)}`);
    }
  }
  const cal = await store.calendar();
  for (const id of await store.overdueOpenOrderIds(now, 5000)) await escalateOrderIn(store, cal, id, now);
  return ids;
}

function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`the demo has no login for ${what}`);
  return x;
}

function personOf(people: DemoPeople, o: DemoOrder, s: DemoStep): Person {
  if (s.by.kind === 'agent') return must(people.agents.get(o.agentNo), `agent ${o.agentNo}`);
  if (s.by.kind === 'lead') return must(people.leads.get(o.team), `the lead of team ${o.team}`);
  return must(people.units.get(s.by.unit), `unit ${s.by.unit}`);
}

function apiAction(a: DemoAction, people: DemoPeople, ids: readonly number[]): ApiAction {
  switch (a.type) {
    case 'merge':
      return { type: 'merge', intoId: must(ids[a.into], `order ${a.into} registered before its duplicate`), note: a.note };
    case 'dispatch':
      return { type: 'dispatch', unitIds: a.units.map((code) => must(people.unitIds.get(code), `unit ${code}`)) };
    case 'requestExtension':
      return { ...a, until: new Date(a.until).toISOString() };
    default:
      return a;
  }
}

import { describe, expect, test } from 'vitest';
import { statusFromAssignments } from '../../domain/work-orders/state-machine.ts';
import { TEST_DIALECTS } from '../testing.ts';
import { stateOf } from '../work-orders.ts';
import { seededDemoApp } from './demo-test-app.ts';

// Tuesday 2026-11-24 14:00 in Shanghai, four weeks of history.
const NOW = Date.UTC(2026, 10, 24, 6, 0);
const FROM = new Date(NOW - 30 * 86_400_000).toISOString();
const TO = new Date(NOW + 86_400_000).toISOString();

describe.each(TEST_DIALECTS)('the demo work orders (%s)', (dialect) => {
  const demo = seededDemoApp(dialect, NOW, 4);
  const get = demo.get;

  test('every order is as the service leaves it: status from its units, counts from its history, an audit entry per step', async () => {
    const orders = await demo.h.db.selectFrom('work_order').selectAll().orderBy('id').execute();
    const dispatches = await demo.h.db
      .selectFrom('work_order_dispatch')
      .innerJoin('handling_unit', 'handling_unit.id', 'work_order_dispatch.unit_id')
      .selectAll('work_order_dispatch')
      .select(['handling_unit.name as unit_name', 'handling_unit.can_see_personal_data', 'handling_unit.head_user_id'])
      .orderBy('work_order_dispatch.id')
      .execute();
    const history = await demo.h.db.selectFrom('work_order_history').selectAll().orderBy('id').execute();
    const contacts = await demo.h.db
      .selectFrom('work_order_contact')
      .leftJoin('contact', 'contact.key', 'work_order_contact.contact_key')
      .select(['work_order_contact.work_order_id', 'contact.key'])
      .execute();
    expect(orders.length).toBeGreaterThan(800);
    for (const o of orders) {
      const mine = dispatches.filter((d) => d.work_order_id === o.id);
      const lines = history.filter((x) => x.work_order_id === o.id);
      expect(lines[0]?.action).toBe('register');
      expect(lines.filter((x) => x.to_status != null).at(-1)?.to_status, o.number).toBe(o.status);
      expect(o.status === 'closed').toBe(o.closed_at != null);
      expect(o.return_count).toBe(lines.filter((x) => x.action === 'return').length);
      const redone = lines.filter((x) => x.action === 'redo' || (x.action === 'callback' && x.to_status === 'dispatched'));
      expect(o.redo_count).toBe(redone.length);
      if (mine.length === 0) {
        expect(o.due_at).toBeNull();
        if (o.status === 'closed') expect(o.answer_text).not.toBeNull();
      } else {
        expect(o.due_at).not.toBeNull();
        if (o.status !== 'closed') expect(statusFromAssignments(stateOf(o, mine).assignments)).toBe(o.status);
      }
      expect(contacts.filter((c) => c.work_order_id === o.id).map((c) => c.key)).toHaveLength(1);
    }
    expect(contacts.every((c) => c.key != null)).toBe(true);
    // Duplicates (a caller who called again about an open order) merged into the first: same caller and title,
    // and the survivor's history names the duplicate.
    const merged = orders.filter((o) => o.status === 'merged');
    expect(merged.length).toBeGreaterThan(0);
    for (const m of merged) {
      const into = orders.find((o) => o.id === m.merged_into_id);
      expect([into?.caller_phone, into?.title]).toEqual([m.caller_phone, m.title]);
      expect(history.some((x) => x.work_order_id === into?.id && x.action === 'mergedFrom')).toBe(true);
    }
    const audit = await demo.h.db.selectFrom('audit_log').select('action').where('entity', '=', 'work_order').execute();
    // One audit entry per step taken; a merge's second history line (on the survivor) is the same step.
    expect(audit.length).toBe(history.filter((x) => x.actor !== 'system' && x.action !== 'mergedFrom').length);
  });

  test('the reports are computed from them and say something: rates strictly between 0 and 1, every age of backlog', async () => {
    const s = await get('manager', `/api/v1/work-orders/reports/summary?from=${FROM}&to=${TO}`);
    const inRange = await demo.h.db
      .selectFrom('work_order')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', Date.parse(FROM))
      .where('status', '!=', 'merged') // a duplicate merged into another counts in no rate
      .executeTakeFirstOrThrow();
    expect(s.rates.orders).toBe(Number(inRange.n));
    for (const k of ['onTimeClosureRate', 'firstTimeClosureRate', 'satisfactionRate', 'returnRate', 'redoRate']) {
      expect(s.rates[k], k).toBeGreaterThan(0);
      expect(s.rates[k], k).toBeLessThan(1);
    }
    expect(s.rates.onTimeClosureRate).toBeGreaterThan(0.7);
    for (const b of s.backlog) expect(b.count, b.bucket).toBeGreaterThan(0);
    expect(Object.keys(s.byCategory).sort()).toEqual(['complaint', 'consultation', 'help', 'report', 'suggestion']);
    expect(s.byUnit).toHaveLength(8);
  });

  test('a unit handler sees its unit’s orders only, with work in its inbox; the agent has callbacks to make', async () => {
    const unitUser = await demo.h.db
      .selectFrom('app_user')
      .select('unit_id')
      .where('username', '=', 'unit')
      .executeTakeFirstOrThrow();
    const unitId = unitUser.unit_id as number;
    const seen = await get('unit', '/api/v1/work-orders?limit=1000');
    const dispatched = await demo.h.db
      .selectFrom('work_order_dispatch')
      .select('work_order_id')
      .distinct()
      .where('unit_id', '=', unitId)
      .execute();
    expect(seen.total).toBe(dispatched.length);
    expect(seen.total).toBeLessThan((await demo.h.db.selectFrom('work_order').select('id').execute()).length / 3);
    for (const o of seen.items) expect(o.units.map((u: { unitId: number }) => u.unitId)).toContain(unitId);
    const inbox = await get('unit', '/api/v1/work-orders?status=dispatched,accepted,in_progress&limit=100');
    expect(inbox.total).toBeGreaterThan(0);
    const callbacks = await get('agent', '/api/v1/work-orders?status=replied&limit=100');
    expect(callbacks.total).toBeGreaterThanOrEqual(5);
    // A unit that may not see personal data gets callers masked; the agent sees them.
    const masked = await get('unit-jtj', '/api/v1/work-orders?limit=5');
    expect(masked.items.length).toBeGreaterThan(0);
    for (const o of masked.items) if (o.callerPhone) expect(o.callerPhone).toContain('*');
    expect(callbacks.items.some((o: { callerPhone: string | null }) => /^1\d{10}$/.test(o.callerPhone ?? ''))).toBe(true);
  });
});

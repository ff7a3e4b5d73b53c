import { describe, expect, test } from 'vitest';
import { checkRoster } from '../../domain/schedule/rules-check.ts';
import { DEFAULT_TEMPLATES } from '../../domain/schedule/types.ts';
import { loadSchedule } from '../schedule-people.ts';
import { TEST_DIALECTS } from '../testing.ts';
import { seededDemoApp } from './demo-test-app.ts';

// Thursday 2026-12-03 14:00 in Shanghai: the schedule runs from Monday 11-30 to Sunday 12-13. No call history (the
// schedule is made for the traffic model's requirement, not from the history).
const NOW = Date.UTC(2026, 11, 3, 6, 0);
const THIS_WEEK = ['2026-11-30', '2026-12-06'];
const NEXT_WEEK = ['2026-12-07', '2026-12-13'];

/** What the test reads of an item of GET /api/v1/schedules/mine. */
type Shift = { date: string; shift: string; segments: { start: string }[]; breaks: unknown[] };

const inWeek = (date: string, [from, to]: string[]) => date >= from! && date <= to!;
/** The stored assignments by employee number, per dialect seeded so far: the demo is the same on each. */
const seeded = new Map<string, string>();

describe.each(TEST_DIALECTS)("the demo's schedule (%s)", (dialect) => {
  const demo = seededDemoApp(dialect, NOW, 0);
  const get = demo.get;
  const scheduleOf = () => demo.h.db.selectFrom('schedule').selectAll().execute();

  test('one schedule, published the Friday before, of this week and the next', async () => {
    const all = await scheduleOf();
    expect(all.map((s) => [s.status, s.start_date, s.weeks])).toEqual([['published', '2026-11-30', 2]]);
    expect(Number(all[0]!.published_at)).toBeLessThan(Date.UTC(2026, 10, 29, 16, 0)); // before Monday in Shanghai
    const listed = (await get('planner', '/api/v1/schedules')).items as { status: string; fit: number }[];
    expect(listed).toEqual([expect.objectContaining({ status: 'published', fit: expect.any(Number) })]);
  });

  test('the demo agent gets their shifts of both weeks from GET /api/v1/schedules/mine, as stored', async () => {
    const items = (await get('agent', '/api/v1/schedules/mine')).items as Shift[];
    expect(items.some((s) => inWeek(s.date, THIS_WEEK))).toBe(true);
    expect(items.some((s) => inWeek(s.date, NEXT_WEEK))).toBe(true);
    const templates = DEFAULT_TEMPLATES.map((t) => t.name);
    for (const s of items) {
      const [template, group] = s.shift.split('·');
      expect(templates).toContain(template);
      expect(['政策咨询', '投诉举报', '企业专席']).toContain(group);
      // Local times in the center's zone, starting on the shift's own date.
      expect(s.segments[0]!.start.startsWith(`${s.date}T`)).toBe(true);
      expect(s.segments[0]!.start.endsWith('+08:00')).toBe(true);
      expect(s.breaks.length).toBeGreaterThan(0);
    }
    const user = await demo.h.db
      .selectFrom('app_user')
      .select('agent_id')
      .where('username', '=', 'agent')
      .executeTakeFirstOrThrow();
    const stored = await demo.h.db
      .selectFrom('schedule_assignment')
      .select(['date', 'shift'])
      .where('agent_id', '=', user.agent_id!)
      .orderBy('date')
      .execute();
    expect(items.map((s) => [s.date, s.shift])).toEqual(stored.map((r) => [r.date, r.shift]));
    // Told of it, as publishing tells every agent with shifts.
    const notes = (await get('agent', '/api/v1/notifications')).items as { text: string; link: string }[];
    expect(notes).toContainEqual(expect.objectContaining({ text: '排班已发布：2026-11-30 起 2 周', link: '/schedule/mine' }));
  });

  test("the team lead sees the whole team's shifts; a colleague's shift shows for a swap", async () => {
    const team = (await get('lead', '/api/v1/schedules/team')).items as { agent: string; date: string }[];
    const members = await demo.h.db
      .selectFrom('agent')
      .innerJoin('team', 'team.id', 'agent.team_id')
      .innerJoin('app_user', 'app_user.agent_id', 'team.leader_agent_id')
      .select('agent.employee_no')
      .where('app_user.username', '=', 'lead')
      .execute();
    expect(members).toHaveLength(15);
    expect(new Set(team.map((s) => s.agent.split(' ')[0]))).toEqual(new Set(members.map((m) => m.employee_no)));
    const day = team.find((s) => inWeek(s.date, NEXT_WEEK))!;
    const colleagues = (await get('agent', `/api/v1/schedule-requests/colleagues?date=${day.date}`)).items as {
      agent: string;
      shift: string | null;
    }[];
    expect(colleagues.filter((c) => c.shift !== null).length).toBeGreaterThan(0);
  });

  test('the planner page: coverage against the requirement, and no labour rule broken as stored', async () => {
    const [s] = await scheduleOf();
    const page = await get('planner', `/api/v1/schedules/${s!.id}`);
    const count = await demo.h.db
      .selectFrom('schedule_assignment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(page.assignments).toHaveLength(Number(count.n));
    expect(page.result.coverage).toHaveLength(3 * 14 * 48);
    expect(page.result.violations).toEqual([]);
    expect(page.result.fit).toBeGreaterThan(0.7);
    // The stored shifts read back as the rule checker reads them when publishing or changing a schedule.
    const loaded = (await loadSchedule(demo.h.db, s!.id))!;
    expect(loaded.roster).toHaveLength(Number(count.n));
    expect(checkRoster(loaded.roster, loaded.agents, loaded.rules, loaded.ctx)).toEqual([]);
    // Every agent works in both weeks.
    const weeks = await demo.h.db.selectFrom('schedule_assignment').select(['agent_id', 'date']).execute();
    for (const week of [THIS_WEEK, NEXT_WEEK])
      expect(new Set(weeks.filter((w) => inWeek(w.date, week)).map((w) => w.agent_id)).size).toBe(120);
    const rows = await demo.h.db
      .selectFrom('schedule_assignment')
      .innerJoin('agent', 'agent.id', 'schedule_assignment.agent_id')
      .select(['agent.employee_no', 'date', 'shift', 'segments_json', 'breaks_json', 'pay_rate'])
      .orderBy('agent.employee_no')
      .orderBy('date')
      .execute();
    const fingerprint = JSON.stringify(rows.map((r) => ({ ...r, pay_rate: Number(r.pay_rate) })));
    for (const other of seeded.values()) expect(fingerprint).toBe(other);
    seeded.set(dialect, fingerprint);
  });
});

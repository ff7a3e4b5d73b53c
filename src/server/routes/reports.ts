import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../domain/auth/roles.ts';
import { toCsv } from '../../domain/export/spreadsheet-safe.ts';
import { agentTime } from '../../domain/metrics/agent-time.ts';
import type { IntervalSpec } from '../../domain/metrics/interval-bucket.ts';
import type { IntervalRow } from '../../domain/metrics/intervals.ts';
import { repeatContacts } from '../../domain/metrics/repeat-contacts.ts';
import { agentIdentity } from '../../ingest/queue-log/agent-identity.ts';
import type { Db } from '../../store/audit.ts';
import { agentStateSpansBetween, contactsBetween } from '../../store/contacts.ts';
import { loadReportContext } from '../../store/interval-cells.ts';
import { centerSummary, dayRange, INTERVAL_COLUMNS, intervalReport, intervalReportTotal } from '../../store/reports.ts';
import type { SessionUser } from '../context.ts';
import { toXlsx } from '../export/xlsx.ts';
import { badRequest } from '../problem.ts';
import { defineRoute } from '../route.ts';

const REPORT_ROLES: Role[] = ['manager', 'team_lead', 'planner', 'qa', 'trainer', 'admin'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const interval = z
  .enum(['15', '30', '60', 'day', 'week', 'month'])
  .default('30')
  .transform((v) => (/^\d+$/.test(v) ? Number(v) : v) as IntervalSpec);
const format = z.enum(['json', 'csv', 'xlsx']).default('json');

const intervalQuery = z.object({
  from: date,
  to: date,
  interval,
  by: z.enum(['queue', 'team', 'agent']).default('queue'),
  queue: z.string().max(100).optional(),
  slDefinition: z
    .enum(['1', '2', '3'])
    .default('1')
    .transform(Number)
    .pipe(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  format,
});

/** A team lead who is not also a manager-level role sees agent and team rows of their own team only. */
async function teamScope(db: Db, user: SessionUser): Promise<string[] | undefined> {
  if (user.roles.some((r) => r === 'manager' || r === 'admin' || r === 'planner' || r === 'qa' || r === 'trainer'))
    return undefined;
  if (user.agentId == null) return [];
  const team = await db
    .selectFrom('agent')
    .innerJoin('team', 'team.id', 'agent.team_id')
    .select('team.name')
    .where('agent.id', '=', user.agentId)
    .executeTakeFirst();
  return team ? [team.name] : [];
}

type ExportColumn = { key: string; zh: string; kind: 'text' | 'int' | 'ratio' | 'seconds' | 'decimal' };

/** A report table as CSV (UTF-8 with BOM) or .xlsx, cells neutralised against formulas (toCsv / toXlsx). */
async function sendTable(
  reply: FastifyReply,
  fmt: 'csv' | 'xlsx',
  file: string,
  sheet: string,
  cols: readonly ExportColumn[],
  rows: readonly object[],
) {
  const values = rows as unknown as Record<string, unknown>[];
  if (fmt === 'csv') {
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}.csv"`);
    return toCsv(
      cols.map((c) => c.zh),
      values.map((r) => cols.map((c) => r[c.key])),
    );
  }
  const buf = await toXlsx(
    sheet,
    cols.map((c) => ({
      key: c.key,
      header: c.zh,
      numFmt: c.kind === 'ratio' ? '0.0%' : c.kind === 'seconds' || c.kind === 'decimal' ? '0.0' : undefined,
    })),
    values,
  );
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${file}.xlsx"`);
  return reply.send(buf);
}

async function send(
  reply: FastifyReply,
  rows: IntervalRow[],
  fmt: 'json' | 'csv' | 'xlsx',
  dim: 'queue' | 'team' | 'agent',
  total: IntervalRow | null,
) {
  if (fmt === 'json') return { items: rows, total };
  const cols = [
    { key: dim, zh: { queue: '技能组', team: '班组', agent: '话务员' }[dim], kind: 'text' as const },
    ...INTERVAL_COLUMNS,
  ];
  return sendTable(reply, fmt, 'intervals', '话务报表', cols, rows);
}

const AGENT_TIME_COLUMNS: ExportColumn[] = [
  { key: 'agent', zh: '话务员', kind: 'text' },
  { key: 'intervalStart', zh: '时段开始', kind: 'text' },
  { key: 'loggedInSeconds', zh: '在线(秒)', kind: 'seconds' },
  { key: 'idleSeconds', zh: '空闲(秒)', kind: 'seconds' },
  { key: 'talkingSeconds', zh: '通话(秒)', kind: 'seconds' },
  { key: 'acwSeconds', zh: '话后(秒)', kind: 'seconds' },
  { key: 'pausedSeconds', zh: '小休(秒)', kind: 'seconds' },
  { key: 'handleSeconds', zh: '处理(秒)', kind: 'seconds' },
  { key: 'occupancy', zh: '员工利用率', kind: 'ratio' },
  { key: 'utilization', zh: '在线利用率', kind: 'ratio' },
  { key: 'callsHandled', zh: '接听量', kind: 'int' },
  { key: 'callsPerHour', zh: '每小时接听', kind: 'decimal' },
];
const REPEAT_COLUMNS: ExportColumn[] = [
  { key: 'name', zh: '技能组/话务员', kind: 'text' },
  { key: 'eligible', zh: '可统计来电', kind: 'int' },
  { key: 'repeated', zh: '重复来电', kind: 'int' },
  { key: 'repeatRate', zh: '重复来电率', kind: 'ratio' },
  { key: 'fcr', zh: '一次解决率', kind: 'ratio' },
  { key: 'censored', zh: '窗口未满', kind: 'int' },
];

function range(from: string, to: string, zone: string) {
  try {
    return dayRange(from, to, zone);
  } catch (err) {
    throw badRequest((err as Error).message, [{ path: 'query.to', message: (err as Error).message }]);
  }
}

export async function reportRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/intervals',
    access: REPORT_ROLES,
    tags: ['reports'],
    summary: 'Interval report (offered, answered, abandoned, service level, ASA, AHT …); json, csv or xlsx',
    query: intervalQuery,
    handler: async ({ ctx, query, user, reply }) => {
      const zone = (await loadReportContext(ctx.db)).timeZone;
      range(query.from, query.to, zone);
      const onlyTeams = query.by === 'queue' ? undefined : await teamScope(ctx.db, user);
      const rows = await intervalReport(ctx.db, { ...query, onlyTeams });
      // The total covers what the caller may see: a team lead's agent rows are summed from those rows' cells only.
      const total = onlyTeams ? null : await intervalReportTotal(ctx.db, query);
      return send(reply, rows, query.format, query.by, total);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/summary',
    access: REPORT_ROLES,
    tags: ['reports'],
    summary: 'The whole center per interval and over the range (all skill groups summed, then ratios)',
    query: z.object({ from: date, to: date, interval: interval, slDefinition: intervalQuery.shape.slDefinition }),
    handler: async ({ ctx, query }) => {
      range(query.from, query.to, (await loadReportContext(ctx.db)).timeZone);
      return centerSummary(ctx.db, query);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/me',
    access: ['agent'],
    tags: ['reports'],
    summary: "The signed-in agent's own daily numbers",
    query: z.object({ from: date, to: date }),
    handler: async ({ ctx, query, user }) => {
      if (user.agentId == null) return { items: [] };
      const agent = await ctx.db
        .selectFrom('agent')
        .select(['employee_no', 'name'])
        .where('id', '=', user.agentId)
        .executeTakeFirstOrThrow();
      const rows = await intervalReport(ctx.db, { from: query.from, to: query.to, interval: 'day', by: 'agent' });
      return { items: rows.filter((r) => r.agent === `${agent.employee_no} ${agent.name}`) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/agent-time',
    access: REPORT_ROLES,
    tags: ['reports'],
    summary: 'Agent time: logged in, idle, talking, after-call work, paused by reason; occupancy and utilization',
    query: z.object({ from: date, to: date, interval: interval, format }),
    handler: async ({ ctx, query, user, reply }) => {
      const rc = await loadReportContext(ctx.db);
      const { fromMs, toMs } = range(query.from, query.to, rc.timeZone);
      const spans = await agentStateSpansBetween(ctx.db, fromMs, toMs);
      const clipped = spans.map((s) => ({ ...s, start: Math.max(s.start, fromMs), end: Math.min(s.end, toMs) }));
      const agentMap: Record<string, string> = {};
      for (const s of clipped) agentMap[s.agent] ??= rc.identityToAgent[agentIdentity(s.agent)] ?? s.agent;
      let rows = agentTime(clipped, { interval: query.interval, timeZone: rc.timeZone, agentMap });
      const teams = await teamScope(ctx.db, user);
      if (teams) rows = rows.filter((r) => teams.includes(rc.agentToTeam[r.agent] ?? ''));
      if (query.format !== 'json') return sendTable(reply, query.format, 'agent-time', '坐席工时', AGENT_TIME_COLUMNS, rows);
      return { items: rows };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/repeat-contacts',
    access: REPORT_ROLES,
    tags: ['reports'],
    summary: 'Repeat contacts within N hours and first-contact resolution (一次解决率 = 1 − repeat rate)',
    query: z.object({
      from: date,
      to: date,
      windowHours: z.coerce.number().int().min(1).max(720).default(72),
      by: z.enum(['queue', 'agent']).default('queue'),
      format,
    }),
    handler: async ({ ctx, query, reply }) => {
      const rc = await loadReportContext(ctx.db);
      const { fromMs, toMs } = range(query.from, query.to, rc.timeZone);
      // Calls after the range are read so a repeat of the last day's calls is seen; their own windows are censored.
      const contacts = await contactsBetween(ctx.db, fromMs, toMs + query.windowHours * 3_600_000);
      const observedUntil = Math.min(ctx.now(), toMs + query.windowHours * 3_600_000);
      const agentMap: Record<string, string> = {};
      for (const c of contacts) if (c.agent) agentMap[c.agent] ??= rc.identityToAgent[agentIdentity(c.agent)] ?? c.agent;
      // Calls after the range have windows past observedUntil, so they count as censored, never as eligible.
      const rows = repeatContacts(contacts, {
        windowHours: query.windowHours,
        observedUntil,
        by: query.by,
        queueToGroup: rc.queueToGroup,
        agentMap,
      });
      if (query.format !== 'json') return sendTable(reply, query.format, 'repeat-contacts', '重复来电', REPEAT_COLUMNS, rows);
      return { items: rows, windowHours: query.windowHours };
    },
  });
}

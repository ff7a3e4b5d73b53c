/**
 * What the QA pages need besides the evaluation records themselves: an agent's recent contacts to pick one
 * to evaluate, the evaluators to invite to a calibration, the agent × item report (Excel), and the demo
 * center's stand-in recording (a small WAV generated in memory, served with byte ranges so the player can
 * seek to a comment's timestamp).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEMO_RECORDING_URL, demoRecordingWav } from '../../domain/demo/demo-recording.ts';
import { agentIdentity } from '../../ingest/queue-log/agent-identity.ts';
import { loadReportContext } from '../../store/interval-cells.ts';
import { itemLabels, seesAllQa } from '../../store/quality.ts';
import { toXlsx } from '../export/xlsx.ts';
import { notFound } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { sendXlsx } from './quality-charts.ts';
import { dateRangeQuery, dayRangeMs, QA_ANALYSE, QA_READ, QA_TAGS, qaViewer } from './quality-shared.ts';

const PICK = ['qa', 'manager', 'trainer', 'admin'] as const;
let demoWav: Uint8Array | null = null;

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → an inclusive byte range within `size`, or null when unusable. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(size - 1, Number(m[2]));
  return start <= end && start < size ? { start, end } : null;
}

export async function qaWorkbenchRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: DEMO_RECORDING_URL,
    access: QA_READ,
    tags: QA_TAGS,
    summary: "The demo center's stand-in recording (12 s, 8 kHz mono WAV), with byte ranges for seeking",
    handler: async ({ request, reply }) => {
      demoWav ??= demoRecordingWav(12);
      const range = byteRange(request.headers.range, demoWav.length);
      reply.header('content-type', 'audio/wav').header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=3600');
      if (!range) return reply.send(Buffer.from(demoWav));
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${demoWav.length}`)
        .send(Buffer.from(demoWav.subarray(range.start, range.end + 1)));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/contacts',
    access: [...PICK, 'agent'],
    tags: QA_TAGS,
    summary:
      "An agent's answered contacts of a date range (default the last 7 days), newest first, with the recording and how often each was evaluated (an agent: only their own, for self-evaluation)",
    query: dateRangeQuery.extend({
      agentId: z.coerce.number().int().positive(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    handler: async ({ ctx, query, user }) => {
      if (!user.roles.some((r) => (PICK as readonly string[]).includes(r)) && query.agentId !== user.agentId)
        throw notFound('agent');
      const zone = (await loadReportContext(ctx.db)).timeZone;
      const range = dayRangeMs({ from: query.from, to: query.to }, zone, ctx.now());
      const from = query.from ? range.from : Math.max(range.from, range.to - 7 * 86_400_000);
      const identities = new Set(
        (await ctx.db.selectFrom('agent_map').select('identity').where('agent_id', '=', query.agentId).execute()).map(
          (m) => m.identity,
        ),
      );
      if (identities.size === 0) return { items: [] };
      const rows = await ctx.db
        .selectFrom('contact')
        .select([
          'key',
          'queue',
          'entered_at',
          'agent',
          'talk_seconds',
          'hold_seconds',
          'acw_seconds',
          'transferred',
          'recording_url',
        ])
        .where('entered_at', '>=', from)
        .where('entered_at', '<', range.to)
        .where('answered_at', 'is not', null)
        .where('agent', 'is not', null)
        .orderBy('entered_at', 'desc')
        .execute();
      const mine = rows.filter((r) => identities.has(agentIdentity(r.agent as string))).slice(0, query.limit);
      const keys = mine.map((r) => r.key);
      const counts = new Map<string, number>();
      if (keys.length)
        for (const e of await ctx.db
          .selectFrom('evaluation')
          .select('contact_key')
          .where('contact_key', 'in', keys)
          .where('kind', '<>', 'calibration')
          .execute())
          counts.set(e.contact_key!, (counts.get(e.contact_key!) ?? 0) + 1);
      return {
        items: mine.map((r) => ({
          key: r.key,
          queue: r.queue,
          enteredAt: new Date(r.entered_at).toISOString(),
          talkSeconds: r.talk_seconds,
          handleSeconds: r.talk_seconds + r.hold_seconds + r.acw_seconds,
          transferred: r.transferred === 1,
          recordingUrl: r.recording_url,
          evaluations: counts.get(r.key) ?? 0,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/evaluators',
    access: [...PICK],
    tags: QA_TAGS,
    summary: 'Users who may score in a calibration session (QA evaluators and managers)',
    handler: async ({ ctx }) => {
      const rows = await ctx.db
        .selectFrom('app_user')
        .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
        .select(['app_user.id', 'app_user.username', 'app_user.display_name', 'user_role.role'])
        .where('user_role.role', 'in', ['qa', 'manager'])
        .where('app_user.disabled', '=', 0)
        .orderBy('app_user.username')
        .execute();
      const seen = new Map<number, { id: number; username: string; displayName: string; roles: string[] }>();
      for (const r of rows) {
        const u = seen.get(r.id) ?? { id: r.id, username: r.username, displayName: r.display_name, roles: [] };
        u.roles.push(r.role);
        seen.set(r.id, u);
      }
      return { items: [...seen.values()] };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/reports/agent-items',
    access: QA_ANALYSE,
    tags: QA_TAGS,
    summary:
      'Per agent: evaluations, mean score, critical failures and the failures of each item (team leads: their team); ?format=xlsx',
    query: dateRangeQuery.extend({
      teamId: z.coerce.number().int().positive().optional(),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
    handler: async ({ ctx, query, user, reply }) => {
      const v = await qaViewer(ctx.db, user);
      const teamId = seesAllQa(v) ? query.teamId : v.teamId;
      if (!seesAllQa(v) && teamId == null) throw notFound('team');
      const zone = (await loadReportContext(ctx.db)).timeZone;
      const r = dayRangeMs(query, zone, ctx.now());
      let q = ctx.db
        .selectFrom('evaluation')
        .innerJoin('agent', 'agent.id', 'evaluation.agent_id')
        .leftJoin('team', 'team.id', 'agent.team_id')
        .select([
          'agent.id',
          'agent.employee_no',
          'agent.name',
          'team.name as team',
          'evaluation.score',
          'evaluation.critical_failed',
          'evaluation.failed_items_json',
        ])
        .where('evaluation.kind', 'in', ['normal', 'follow_up'])
        .where('evaluation.evaluated_at', '>=', r.from)
        .where('evaluation.evaluated_at', '<', r.to);
      if (teamId != null) q = q.where('agent.team_id', '=', teamId);
      const labels = await itemLabels(ctx.db);
      const byAgent = new Map<
        number,
        {
          agentId: number;
          agent: string;
          team: string | null;
          evaluations: number;
          scored: number;
          scoreSum: number;
          criticalFailures: number;
          failed: Record<string, number>;
        }
      >();
      for (const e of await q.orderBy('agent.employee_no').execute()) {
        const a = byAgent.get(e.id) ?? {
          agentId: e.id,
          agent: `${e.employee_no} ${e.name}`,
          team: e.team,
          evaluations: 0,
          scored: 0,
          scoreSum: 0,
          criticalFailures: 0,
          failed: {},
        };
        a.evaluations++;
        if (e.score != null) {
          a.scored++;
          a.scoreSum += e.score;
        }
        a.criticalFailures += e.critical_failed;
        for (const item of JSON.parse(e.failed_items_json) as string[]) a.failed[item] = (a.failed[item] ?? 0) + 1;
        byAgent.set(e.id, a);
      }
      const rows = [...byAgent.values()].map(({ scored, scoreSum, ...a }) => ({
        ...a,
        meanScore: scored ? scoreSum / scored : null,
      }));
      const failedIds = new Set(rows.flatMap((a) => Object.keys(a.failed)));
      const items = [...labels].filter(([id]) => failedIds.has(id)).map(([id, label]) => ({ id, label }));
      if (query.format === 'xlsx') {
        const buf = await toXlsx(
          '话务员×评分项',
          [
            { key: 'agent', header: '话务员', width: 16 },
            { key: 'team', header: '班组' },
            { key: 'evaluations', header: '评估次数' },
            { key: 'meanScore', header: '平均得分', numFmt: '0.0' },
            { key: 'criticalFailures', header: '致命错误' },
            ...items.map((i) => ({ key: `item:${i.id}`, header: `${i.label}（失分次数）`, width: 14 })),
          ],
          rows.map((a) => ({ ...a, ...Object.fromEntries(items.map((i) => [`item:${i.id}`, a.failed[i.id] ?? 0])) })),
        );
        return sendXlsx(reply, buf, 'qa-agent-items.xlsx');
      }
      return { from: r.fromDate, to: r.toDate, teamId: teamId ?? null, items, rows };
    },
  });
}

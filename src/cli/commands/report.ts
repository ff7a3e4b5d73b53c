import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { toCsv } from '../../domain/export/spreadsheet-safe.ts';
import type { IntervalSpec } from '../../domain/metrics/interval-bucket.ts';
import type { GroupBy, SlDefinition } from '../../domain/metrics/intervals.ts';
import { toXlsx } from '../../server/export/xlsx.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { INTERVAL_COLUMNS, intervalReport } from '../../store/reports.ts';
import { CliError } from '../cli-error.ts';
import { dbOption, withDatabase } from './db.ts';

const INTERVALS = ['15', '30', '60', 'day', 'week', 'month'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function register(program: Command): void {
  const report = program.command('report').description('reports of the stored contacts');
  report
    .command('intervals')
    .description('the interval report: offered, answered, abandoned, service level, ASA, AHT … per interval')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD (center time zone)')
    .requiredOption('--to <date>', 'day after the last day, YYYY-MM-DD (exclusive)')
    .option('--interval <size>', '15 | 30 | 60 | day | week | month', '30')
    .option('--by <dimension>', 'queue | team | agent', 'queue')
    .option('--queue <name>', 'only this skill group (or raw queue name)')
    .option(
      '--sl-definition <n>',
      '1: within T / offered; 2: within T / (answered + abandoned after T); 3: within T / (offered − short abandons)',
      '1',
    )
    .option('--format <format>', 'json | csv | xlsx', 'json')
    .option('--out <file>', 'write to a file instead of standard output (required for xlsx)')
    .option(...dbOption)
    .action(
      async (o: {
        from: string;
        to: string;
        interval: string;
        by: string;
        queue?: string;
        slDefinition: string;
        format: string;
        out?: string;
        db?: string;
      }) => {
        if (!DATE.test(o.from)) throw new CliError(`--from: expected YYYY-MM-DD, got "${o.from}"`);
        if (!DATE.test(o.to)) throw new CliError(`--to: expected YYYY-MM-DD, got "${o.to}"`);
        if (!INTERVALS.includes(o.interval)) throw new CliError(`--interval: one of ${INTERVALS.join(', ')}`);
        if (!['queue', 'team', 'agent'].includes(o.by)) throw new CliError('--by: one of queue, team, agent');
        if (!['1', '2', '3'].includes(o.slDefinition)) throw new CliError('--sl-definition: 1, 2 or 3');
        if (!['json', 'csv', 'xlsx'].includes(o.format)) throw new CliError('--format: one of json, csv, xlsx');
        if (o.format === 'xlsx' && !o.out) throw new CliError('--out: required with --format xlsx');
        const interval = (/^\d+$/.test(o.interval) ? Number(o.interval) : o.interval) as IntervalSpec;
        await withDatabase(o.db, async (h) => {
          await migrateToLatest(h.db);
          let rows: Awaited<ReturnType<typeof intervalReport>>;
          try {
            rows = await intervalReport(h.db, {
              from: o.from,
              to: o.to,
              interval,
              by: o.by as GroupBy,
              queue: o.queue,
              slDefinition: Number(o.slDefinition) as SlDefinition,
            });
          } catch (err) {
            if (err instanceof RangeError) throw new CliError(err.message);
            throw err;
          }
          const dim = o.by as 'queue' | 'team' | 'agent';
          const cols = [
            { key: dim, zh: { queue: '技能组', team: '班组', agent: '话务员' }[dim], kind: 'text' as const },
            ...INTERVAL_COLUMNS,
          ];
          let out: string | Buffer;
          if (o.format === 'json')
            out = `${JSON.stringify(
              rows.map(({ intervalStartMs: _ms, ...r }) => r),
              null,
              2,
            )}\n`;
          else if (o.format === 'csv')
            out = toCsv(
              cols.map((c) => c.zh),
              rows.map((r) => cols.map((c) => (r as unknown as Record<string, unknown>)[c.key])),
            );
          else
            out = await toXlsx(
              '话务报表',
              cols.map((c) => ({
                key: c.key,
                header: c.zh,
                numFmt: c.kind === 'ratio' ? '0.0%' : c.kind === 'seconds' ? '0.0' : undefined,
              })),
              rows as unknown as Record<string, unknown>[],
            );
          if (o.out) writeFileSync(o.out, out);
          else process.stdout.write(out);
        });
      },
    );
}

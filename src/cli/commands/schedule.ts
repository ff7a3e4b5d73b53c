import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { buildSchedule, type ScheduleOutput } from '../../domain/schedule/build-schedule.ts';
import type { RosterEntry } from '../../domain/schedule/roster.ts';
import { ModelTooLarge } from '../../domain/schedule/solver.ts';
import { neighbourEntries } from '../../domain/schedule/stored-roster.ts';
import { type AgentInput, DEFAULT_RULES, DEFAULT_TEMPLATES, type Lock, type Rules } from '../../domain/schedule/types.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const rulesSchema = z.object({
  intervalMinutes: z
    .number()
    .int()
    .positive()
    .refine((m) => 1440 % m === 0, 'must divide a day')
    .default(30),
  shiftTemplates: z
    .array(
      z
        .object({
          name: z.string().min(1),
          earliestStart: hhmm,
          latestStart: hhmm,
          startStepMinutes: z.number().int().positive().default(30),
          lengthMinutes: z.number().int().positive().optional(),
          segments: z
            .array(z.object({ lengthMinutes: z.number().int().positive() }))
            .length(2)
            .optional(),
          minGapMinutes: z.number().int().min(0).optional(),
          maxGapMinutes: z.number().int().min(0).optional(),
          breaks: z
            .array(
              z.object({
                lengthMinutes: z.number().int().positive(),
                paid: z.boolean(),
                earliestAfterMinutes: z.number().int().min(0),
                latestAfterMinutes: z.number().int().min(0),
              }),
            )
            .default([]),
          night: z.boolean().optional(),
        })
        .refine((t) => t.lengthMinutes !== undefined || t.segments !== undefined, 'give lengthMinutes or two segments'),
    )
    .min(1)
    .optional(),
  maxOvertimeHoursPerMonth: z.number().min(0).optional(),
  maxNightShifts: z.number().int().min(0).optional(),
  nightPeriodDays: z.number().int().min(1).optional(),
  teamRule: z.enum(['none', 'leaderOnDuty', 'sameShiftAsLeader']).optional(),
  rotations: z
    .array(
      z.object({ name: z.string().min(1), pattern: z.array(z.string().min(1)).min(1), crews: z.array(z.string().min(1)).min(1) }),
    )
    .optional(),
  underPenalty: z.number().min(0).optional(),
  overPenalty: z.number().min(0).optional(),
  slSeconds: z.number().positive().optional(),
  minRestHours: z.number().min(0).default(DEFAULT_RULES.minRestHours),
  maxConsecutiveDays: z.number().int().min(1).default(DEFAULT_RULES.maxConsecutiveDays),
  maxHoursPerWeek: z.number().positive().default(DEFAULT_RULES.maxHoursPerWeek),
  minRestDaysPerWeek: z.number().int().min(0).max(6).default(DEFAULT_RULES.minRestDaysPerWeek),
  seats: z.number().int().positive().optional(),
});

function readCsv(file: string): { record: Record<string, string>; info: { lines: number } }[] {
  try {
    return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, trim: true, info: true });
  } catch (err) {
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
}

const lockSchema = z.array(
  z.object({
    agent: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
    shift: z.string().min(1),
    skillGroup: z.string().min(1),
    start: hhmm.optional(),
  }),
);

function readLocks(file: string, rules: Rules): Lock[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
  const r = lockSchema.safeParse(json);
  if (!r.success) throw new CliError(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  r.data.forEach((l, i) => {
    if (!rules.shiftTemplates.some((t) => t.name === l.shift))
      throw new CliError(`${file}: ${i}.shift: no shift template "${l.shift}"`);
  });
  return r.data;
}

const isoTime = z.string().refine((v) => DateTime.fromISO(v, { setZone: true }).isValid, 'expected an ISO 8601 time');
/** The assignments of an earlier run's --json output (the whole object; a bare array is read as its `assignments`). */
const previousSchema = z.object({
  assignments: z.array(
    z.object({
      agent: z.string().min(1),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
      shift: z.string().min(1),
      skillGroup: z.string().min(1),
      segments: z.array(z.object({ start: isoTime, end: isoTime })).min(1),
      breaks: z.array(z.object({ start: isoTime, end: isoTime, paid: z.boolean() })).default([]),
    }),
  ),
});

/** The shifts of the previous schedule before `start`, as entries of the new period (dayIndex < 0). */
function readPrevious(file: string, start: string, zone: string): RosterEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
  const r = previousSchema.safeParse(Array.isArray(json) ? { assignments: json } : json);
  if (!r.success) throw new CliError(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const stored = r.data.assignments.filter((a) => a.date < start).map((a) => ({ ...a, shift: `${a.shift}·${a.skillGroup}` }));
  return neighbourEntries(stored, start, zone);
}

export function register(program: Command): void {
  program
    .command('schedule')
    .description('build a schedule: shift design (HiGHS) and rostering under the labour rules (formats: docs/scheduling.md)')
    .requiredOption('--requirements <file>', 'CSV intervalStart,skillGroup,required')
    .requiredOption('--agents <file>', 'CSV agent,team,skills,contractHoursPerWeek (skills separated by ;)')
    .option('--rules <file>', 'rules.json (all keys optional)')
    .requiredOption('--start <date>', 'first day, YYYY-MM-DD')
    .option('--weeks <n>', 'weeks, 1–6', '1')
    .option('--time-limit <seconds>', 'solver time limit', '60')
    .option('--time-zone <zone>', 'center time zone', 'Asia/Shanghai')
    .option(
      '--lock <file>',
      'JSON array of locked assignments [{ agent, date, shift, skillGroup, start? }]: kept, the rest re-optimised',
    )
    .option(
      '--previous <file>',
      "the previous schedule's assignments (this command's --json output): rest, working days in a row and nights kept across; hours and rest days of a shared calendar week and the month's overtime counted with it",
    )
    .option('--max-columns <n>', 'largest model accepted (HiGHS in WebAssembly has a 2 GiB ceiling)', '400000')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        requirements: string;
        agents: string;
        rules?: string;
        start: string;
        weeks: string;
        timeLimit: string;
        timeZone: string;
        lock?: string;
        previous?: string;
        maxColumns: string;
        json?: boolean;
      }) => {
        const weeks = Number(o.weeks);
        if (!Number.isInteger(weeks) || weeks < 1 || weeks > 6) throw new CliError(`--weeks: 1 to 6, got "${o.weeks}"`);
        const start = DateTime.fromISO(o.start, { zone: o.timeZone });
        if (!/^\d{4}-\d{2}-\d{2}$/.test(o.start) || !start.isValid)
          throw new CliError(`--start: expected YYYY-MM-DD, got "${o.start}"`);
        const limit = Number(o.timeLimit);
        if (!(limit > 0)) throw new CliError(`--time-limit: seconds > 0, got "${o.timeLimit}"`);
        let rulesJson: unknown = {};
        if (o.rules) {
          try {
            rulesJson = JSON.parse(readFileSync(o.rules, 'utf8'));
          } catch (err) {
            throw new CliError(`${o.rules}: ${(err as Error).message}`);
          }
        }
        const r = rulesSchema.safeParse(rulesJson);
        if (!r.success)
          throw new CliError(`${o.rules}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        const rules = { ...r.data, shiftTemplates: r.data.shiftTemplates ?? DEFAULT_TEMPLATES } as Rules;
        for (const [k, rot] of (rules.rotations ?? []).entries()) {
          const bad = rot.pattern.find((p) => p !== '休' && !rules.shiftTemplates.some((t) => t.name === p));
          if (bad) throw new CliError(`${o.rules}: rotations.${k}.pattern: "${bad}" is neither a shift template nor 休`);
        }
        const maxColumns = Number(o.maxColumns);
        if (!(Number.isInteger(maxColumns) && maxColumns > 0))
          throw new CliError(`--max-columns: a positive integer, got "${o.maxColumns}"`);
        const dates = Array.from({ length: 7 * weeks }, (_, i) => start.plus({ days: i }).toISODate() ?? '');
        const perDay = 1440 / rules.intervalMinutes;
        const required: Record<string, number[][]> = {};
        const traffic: Record<string, { calls: number; ahtSeconds: number }[][]> = {};
        for (const { record, info } of readCsv(o.requirements)) {
          const where = `${o.requirements}:${info.lines}`;
          const t = DateTime.fromISO(record.intervalStart ?? '', { setZone: true });
          if (!t.isValid) throw new CliError(`${where}: intervalStart: expected ISO 8601, got "${record.intervalStart}"`);
          const req = Number(record.required);
          if (record.required === '' || !Number.isFinite(req) || req < 0)
            throw new CliError(`${where}: required: a number ≥ 0, got "${record.required}"`);
          if (!record.skillGroup) throw new CliError(`${where}: skillGroup: required`);
          const local = t.setZone(o.timeZone);
          const d = dates.indexOf(local.toISODate() ?? '');
          if (d < 0) continue; // outside the period
          const minute = local.hour * 60 + local.minute;
          if (minute % rules.intervalMinutes !== 0)
            throw new CliError(`${where}: intervalStart: not on the ${rules.intervalMinutes}-minute grid`);
          required[record.skillGroup] ??= dates.map(() => Array(perDay).fill(0));
          required[record.skillGroup]![d]![minute / rules.intervalMinutes] = Math.ceil(req);
          if (record.calls !== undefined && record.calls !== '') {
            const calls = Number(record.calls);
            const aht = Number(record.ahtSeconds);
            if (!(calls >= 0)) throw new CliError(`${where}: calls: a number ≥ 0, got "${record.calls}"`);
            if (!(aht > 0)) throw new CliError(`${where}: ahtSeconds: seconds > 0 with calls, got "${record.ahtSeconds ?? ''}"`);
            traffic[record.skillGroup] ??= dates.map(() => Array.from({ length: perDay }, () => ({ calls: 0, ahtSeconds: 0 })));
            traffic[record.skillGroup]![d]![minute / rules.intervalMinutes] = { calls, ahtSeconds: aht };
          }
        }
        if (Object.keys(required).length === 0)
          throw new CliError(`${o.requirements}: no requirement falls in ${dates[0]}…${dates.at(-1)}`);
        const agents: AgentInput[] = readCsv(o.agents).map(({ record, info }) => {
          const where = `${o.agents}:${info.lines}`;
          if (!record.agent) throw new CliError(`${where}: agent: required`);
          const hours =
            record.contractHoursPerWeek === undefined || record.contractHoursPerWeek === ''
              ? 40
              : Number(record.contractHoursPerWeek);
          if (!(hours > 0 && hours <= 60))
            throw new CliError(`${where}: contractHoursPerWeek: 0–60, got "${record.contractHoursPerWeek}"`);
          const list = (v: string | undefined) =>
            (v ?? '')
              .split(';')
              .map((x) => x.trim())
              .filter(Boolean);
          const role = record.role || undefined;
          if (role !== undefined && !['leader', 'senior', 'agent'].includes(role))
            throw new CliError(`${where}: role: leader, senior or agent, got "${role}"`);
          const daysOff = list(record.preferredDaysOff).map(Number);
          if (daysOff.some((n) => !(Number.isInteger(n) && n >= 1 && n <= 7)))
            throw new CliError(`${where}: preferredDaysOff: ISO weekdays 1–7 separated by ;, got "${record.preferredDaysOff}"`);
          const unavailable = list(record.unavailable).flatMap((item) => {
            const [a, b = a] = item.split('..');
            const from = DateTime.fromISO(a ?? '', { zone: 'UTC' });
            const to = DateTime.fromISO(b ?? '', { zone: 'UTC' });
            if (!from.isValid || !to.isValid || to < from)
              throw new CliError(
                `${where}: unavailable: dates YYYY-MM-DD or ranges YYYY-MM-DD..YYYY-MM-DD separated by ;, got "${item}"`,
              );
            return Array.from(
              { length: Math.round(to.diff(from, 'days').days) + 1 },
              (_, i) => from.plus({ days: i }).toISODate() ?? '',
            );
          });
          return {
            agent: record.agent,
            team: record.team ?? '',
            skills: list(record.skills),
            contractHoursPerWeek: hours,
            ...(role ? { role: role as AgentInput['role'] } : {}),
            ...(record.crew ? { crew: record.crew } : {}),
            ...(unavailable.length ? { unavailable } : {}),
            ...(record.preferredShifts ? { preferredShifts: list(record.preferredShifts) } : {}),
            ...(daysOff.length ? { preferredDaysOff: daysOff } : {}),
          };
        });
        const seen = new Set<string>();
        for (const a of agents) {
          if (seen.has(a.agent)) throw new CliError(`${o.agents}: agent "${a.agent}" appears twice`);
          seen.add(a.agent);
        }
        const locks = o.lock ? readLocks(o.lock, rules) : undefined;
        const previous = o.previous ? readPrevious(o.previous, o.start, o.timeZone) : undefined;
        let out: ScheduleOutput;
        try {
          out = await buildSchedule({
            dates,
            timeZone: o.timeZone,
            required,
            agents,
            rules,
            timeLimitSeconds: limit,
            locks,
            traffic,
            maxColumns,
            previous,
          });
        } catch (err) {
          if (err instanceof ModelTooLarge) throw new CliError(err.message);
          if (err instanceof Error && /HiGHS/.test(err.message)) throw new CliError(err.message, 1);
          throw err;
        }
        if (o.json) printJson(out);
        else
          process.stdout.write(
            `${out.assignments.length} shifts, paid ${out.paidHours.toFixed(1)} h, fit ${out.fit?.toFixed(3)}, lower bound ${out.lowerBound.toFixed(1)}, gap ${(out.gap * 100).toFixed(2)} %, unfilled ${out.unfilledShifts}, violations ${out.violations.length}\n`,
          );
        if (!o.json && out.warnings.length) process.stdout.write(`${out.warnings.map((w) => `  warning: ${w}`).join('\n')}\n`);
        if (!o.json && out.violations.length)
          process.stdout.write(`${out.violations.map((v) => `  ${v.agent}: ${v.rule} — ${v.detail}`).join('\n')}\n`);
      },
    );
}

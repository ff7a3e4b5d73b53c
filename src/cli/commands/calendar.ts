import type { Command } from 'commander';
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { addWorkingDays, addWorkingHours, type BusinessCalendar } from '../../domain/calendar/business-calendar.ts';
import { dayInfo } from '../../domain/calendar/day-kind.ts';
import { type OpeningWindow, parseHours } from '../../domain/calendar/opening-hours.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';

// An instant must carry its offset (or Z): a bare local time would depend on the machine's zone.
const instant = z
  .string()
  .refine((s) => /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)$/.test(s) && DateTime.fromISO(s, { setZone: true }).isValid, {
    message: 'expected an ISO 8601 instant with offset, e.g. 2026-09-30T10:00:00+08:00',
  });
const hoursText = z.string().transform((s, ctx): OpeningWindow[] => {
  try {
    return parseHours(s);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `${(err as Error).message} (e.g. 09:00-18:00 or 09:00-12:00,13:30-18:00)` });
    return z.NEVER;
  }
});
const dueOptions = z
  .object({
    from: instant,
    workingDays: z
      .string()
      .regex(/^\d+$/, 'a whole number ≥ 1')
      .transform(Number)
      .refine((n) => n >= 1, 'a whole number ≥ 1')
      .optional(),
    workingHours: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'a positive number')
      .transform(Number)
      .refine((n) => n > 0, 'a positive number')
      .optional(),
    hours: hoursText,
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone'),
    json: z.boolean().optional(),
  })
  .refine((o) => (o.workingDays == null) !== (o.workingHours == null), {
    message: 'give exactly one of --working-days and --working-hours',
    path: ['workingDays'],
  });

const OPTION_NAMES: Record<string, string> = {
  from: '--from',
  workingDays: '--working-days',
  workingHours: '--working-hours',
  hours: '--hours',
  timeZone: '--time-zone',
};

function parseOptions<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const name = OPTION_NAMES[key] ?? key;
  throw new CliError(issue.message.startsWith('give exactly') ? issue.message : `${name}: ${issue.message}`);
}

/** The deadline instant as ISO 8601 with the center's offset. */
export function dueIso(o: z.infer<typeof dueOptions>): string {
  const cal: BusinessCalendar = { timeZone: o.timeZone, hours: o.hours };
  const from = DateTime.fromISO(o.from, { setZone: true }).toMillis();
  const due =
    o.workingDays != null ? addWorkingDays(cal, from, o.workingDays) : addWorkingHours(cal, from, o.workingHours as number);
  return DateTime.fromMillis(due, { zone: o.timeZone }).toISO({ suppressMilliseconds: true }) ?? '';
}

export function register(program: Command): void {
  const cal = program
    .command('calendar')
    .description('the business calendar: working days, public holidays and make-up workdays (调休), deadlines');
  cal
    .command('due')
    .description(
      'deadline after N working days (close of business on the N-th working day after the day of --from, that day not counted) or after N working hours (time outside opening hours counts from the next opening)',
    )
    .requiredOption('--from <instant>', 'start, ISO 8601 with offset, e.g. 2026-09-30T10:00:00+08:00')
    .option('--working-days <n>', 'whole working days (≥ 1)')
    .option('--working-hours <n>', 'hours of business time (> 0, decimals allowed)')
    .option('--hours <windows>', 'opening hours of a working day, e.g. 09:00-12:00,13:30-18:00', '09:00-18:00')
    .option('--time-zone <zone>', 'the center time zone (IANA)', 'Asia/Shanghai')
    .option('--json', 'print { "due": "<ISO 8601 with offset>" }')
    .action((raw: Record<string, unknown>) => {
      const o = parseOptions(dueOptions, raw);
      const due = dueIso(o);
      if (o.json) printJson({ due });
      else process.stdout.write(`${due}\n`);
    });
  cal
    .command('day')
    .description('what kind of day a date is in mainland China: workday, weekend, public_holiday or makeup_workday (调休上班)')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--json', 'print { date, kind, name, source } as JSON')
    .action((date: string, o: { json?: boolean }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid)
        throw new CliError(`date: expected YYYY-MM-DD, got "${date}"`);
      const info = dayInfo(date);
      if (o.json) printJson(info);
      else
        process.stdout.write(
          `${date}: ${info.kind}${info.name ? ` (${info.name})` : ''}${info.source === 'weekday-rule' ? ' — no holiday data for this year, weekday rule' : ''}\n`,
        );
    });
}

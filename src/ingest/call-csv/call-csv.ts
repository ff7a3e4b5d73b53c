import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Contact } from '../../domain/contacts/contact.ts';

/** The documented columns (docs/formats.md); a mapping renames them to a center's own headers. */
export const CALL_CSV_COLUMNS = [
  'call_id',
  'queue',
  'caller',
  'entered_at',
  'answered_at',
  'ended_at',
  'agent',
  'outcome',
  'talk_seconds',
  'hold_seconds',
  'acw_seconds',
  'transferred',
] as const;
export type CallCsvColumn = (typeof CALL_CSV_COLUMNS)[number];

export interface CallCsvOptions {
  /** Our column → the header in the file, e.g. `{ call_id: '流水号', entered_at: '进队时间' }`. */
  mapping?: Partial<Record<CallCsvColumn, string>>;
  /** Zone of times written without an offset (default Asia/Shanghai). */
  timeZone?: string;
}

const blankToUndef = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const seconds = z.preprocess(blankToUndef, z.coerce.number().nonnegative().optional());

const row = z.object({
  call_id: z.string().trim().min(1, 'is required'),
  queue: z.string().trim().min(1, 'is required'),
  caller: z.preprocess(blankToUndef, z.string().trim().optional()),
  entered_at: z.string().trim().min(1, 'is required'),
  answered_at: z.preprocess(blankToUndef, z.string().trim().optional()),
  ended_at: z.preprocess(blankToUndef, z.string().trim().optional()),
  agent: z.preprocess(blankToUndef, z.string().trim().optional()),
  outcome: z.enum(['answered', 'abandoned', 'timeout', 'exit_key', 'exit_empty', 'unknown']),
  talk_seconds: seconds,
  hold_seconds: seconds,
  acw_seconds: seconds,
  transferred: z.preprocess(blankToUndef, z.enum(['true', 'false', '1', '0', 'yes', 'no', '是', '否']).optional()),
});

/** ISO 8601 (with or without offset), `YYYY-MM-DD HH:MM:SS`, or epoch seconds → epoch ms; null if unreadable. */
export function parseInstant(text: string, zone: string): number | null {
  if (/^\d{9,11}(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const iso = DateTime.fromISO(text, { zone, setZone: false });
  if (iso.isValid) return iso.toMillis();
  const sql = DateTime.fromSQL(text, { zone });
  return sql.isValid ? sql.toMillis() : null;
}

/**
 * Call records from a CSV file (one queue entry per row) → Contacts. Every bad row is reported with its
 * line number and field and left out; the good rows are returned. The wait is answered_at − entered_at
 * for answered rows and ended_at − entered_at otherwise. Key: `csv:<call_id>:<queue>:<entered epoch s>`.
 */
export function parseCallCsv(
  text: string,
  options: CallCsvOptions = {},
): { contacts: Contact[]; errors: { line: number; reason: string }[] } {
  const zone = options.timeZone ?? 'Asia/Shanghai';
  const errors: { line: number; reason: string }[] = [];
  const contacts: Contact[] = [];
  const records = parse(text, {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
    info: true,
    trim: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  const header = (c: CallCsvColumn): string => options.mapping?.[c] ?? c;
  for (const { record, info } of records) {
    const line = info.lines;
    const raw: Record<string, string | undefined> = {};
    for (const c of CALL_CSV_COLUMNS) raw[c] = record[header(c)];
    const r = row.safeParse(raw);
    if (!r.success) {
      const i = r.error.issues[0];
      const field = String(i.path[0] ?? '');
      errors.push({ line, reason: `${header(field as CallCsvColumn)}: ${i.message}` });
      continue;
    }
    const v = r.data;
    const times: Record<'entered_at' | 'answered_at' | 'ended_at', number | null> = {
      entered_at: null,
      answered_at: null,
      ended_at: null,
    };
    let bad = false;
    for (const f of ['entered_at', 'answered_at', 'ended_at'] as const) {
      const s = v[f];
      if (s === undefined) continue;
      times[f] = parseInstant(s, zone);
      if (times[f] === null) {
        errors.push({ line, reason: `${header(f)}: "${s}" is not a date-time` });
        bad = true;
        break;
      }
    }
    if (bad) continue;
    const entered = times.entered_at as number;
    if (v.outcome === 'answered' && times.answered_at === null) {
      errors.push({ line, reason: `${header('answered_at')}: is required when outcome is answered` });
      continue;
    }
    const until = v.outcome === 'answered' ? times.answered_at : times.ended_at;
    if (until !== null && until < entered) {
      errors.push({
        line,
        reason: `${header(v.outcome === 'answered' ? 'answered_at' : 'ended_at')}: is before ${header('entered_at')}`,
      });
      continue;
    }
    contacts.push({
      key: `csv:${v.call_id}:${v.queue}:${Math.floor(entered / 1000)}`,
      callId: v.call_id,
      queue: v.queue,
      callerId: v.caller ?? null,
      enteredAt: entered,
      outcome: v.outcome,
      waitSeconds: until === null ? null : (until - entered) / 1000,
      answeredAt: times.answered_at,
      endedAt: times.ended_at,
      agent: v.agent ?? null,
      talkSeconds:
        v.talk_seconds ??
        (v.outcome === 'answered' && times.ended_at !== null && times.answered_at !== null
          ? (times.ended_at - times.answered_at) / 1000
          : 0),
      holdSeconds: v.hold_seconds ?? 0,
      acwSeconds: v.acw_seconds ?? 0,
      transferred: v.transferred !== undefined && ['true', '1', 'yes', '是'].includes(v.transferred),
      ringNoAnswer: 0,
    });
  }
  return { contacts, errors };
}

import { DateTime } from 'luxon';

/** One queue_log line split into its fixed fields and event data. */
export interface QueueLogLine {
  /** UTC epoch milliseconds. */
  time: number;
  callId: string;
  queue: string;
  agent: string;
  event: string;
  data: string[];
}

export type SplitResult = QueueLogLine | { error: string };

/**
 * Splits `epoch|callid|queue|agent|EVENT|data1|data2|…` (see docs/formats.md).
 *
 * Two layouts of the data are accepted, because both are in the wild:
 * - newer files (and the realtime table's data1…data5) have one field per datum: `…|CONNECT|6|1366720334.303266|0`;
 * - older exports of the realtime table keep all data in ONE field, its parts joined by `|` and the whole
 *   quoted so it survives the export: `…|CONNECT|"6|1366720334.303266|0"`. Quotes around single fields are dropped too.
 * The time is epoch seconds (fractions allowed) or, in exports of the realtime table, a local
 * `YYYY-MM-DD HH:MM:SS[.ffffff]` read in `textTimeZone`.
 */
export function splitQueueLogLine(line: string, textTimeZone = 'Asia/Shanghai'): SplitResult {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  // Find the first five separators by hand: this runs millions of times in an import.
  const p1 = text.indexOf('|');
  const p2 = p1 < 0 ? -1 : text.indexOf('|', p1 + 1);
  const p3 = p2 < 0 ? -1 : text.indexOf('|', p2 + 1);
  const p4 = p3 < 0 ? -1 : text.indexOf('|', p3 + 1);
  if (p4 < 0) return { error: 'expected at least 5 fields: epoch|callid|queue|agent|EVENT' };
  const p5 = text.indexOf('|', p4 + 1);
  const timeText = text.slice(0, p1);
  let time = Number(timeText);
  if (timeText === '' || !Number.isFinite(time)) {
    const dt = DateTime.fromSQL(timeText.trim(), { zone: textTimeZone });
    if (!dt.isValid) return { error: `time "${timeText}" is neither epoch seconds nor YYYY-MM-DD HH:MM:SS` };
    time = dt.toMillis();
  } else {
    time = Math.round(time * 1000);
  }
  const event = (p5 < 0 ? text.slice(p4 + 1) : text.slice(p4 + 1, p5)).trim();
  if (event === '') return { error: 'event field is empty' };
  let data: string[] = [];
  if (p5 >= 0) {
    let rest = text.slice(p5 + 1);
    if (rest.length >= 2 && rest.charCodeAt(0) === 34 && rest.charCodeAt(rest.length - 1) === 34) rest = rest.slice(1, -1);
    data = rest.split('|');
    for (let i = 0; i < data.length; i++) {
      const d = data[i];
      if (d.length >= 2 && d.charCodeAt(0) === 34 && d.charCodeAt(d.length - 1) === 34) data[i] = d.slice(1, -1);
    }
  }
  return { time, callId: text.slice(p1 + 1, p2), queue: text.slice(p2 + 1, p3), agent: text.slice(p3 + 1, p4), event, data };
}

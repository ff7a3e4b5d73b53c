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
 * `into`: an object to fill and return instead of a new one (its `data` array is reused), for a reader
 * that is done with one line before it splits the next.
 */
export function splitQueueLogLine(line: string, textTimeZone = 'Asia/Shanghai', into?: QueueLogLine): SplitResult {
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
  const out = into ?? { time: 0, callId: '', queue: '', agent: '', event: '', data: [] };
  const data = out.data;
  data.length = 0;
  if (p5 >= 0) {
    // Scan the data fields in place (no intermediate string for the whole rest of the line).
    let from = p5 + 1;
    let end = text.length;
    if (end - from >= 2 && text.charCodeAt(from) === 34 && text.charCodeAt(end - 1) === 34) {
      from++;
      end--;
    }
    for (;;) {
      const bar = text.indexOf('|', from);
      const stop = bar < 0 || bar > end ? end : bar;
      data.push(
        stop - from >= 2 && text.charCodeAt(from) === 34 && text.charCodeAt(stop - 1) === 34
          ? text.slice(from + 1, stop - 1)
          : text.slice(from, stop),
      );
      if (stop === end) break;
      from = stop + 1;
    }
  }
  out.time = time;
  out.callId = text.slice(p1 + 1, p2);
  out.queue = text.slice(p2 + 1, p3);
  out.agent = text.slice(p3 + 1, p4);
  out.event = event;
  return out;
}

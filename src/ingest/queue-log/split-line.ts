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
 * Where the fields of one queue_log line lie inside a larger text (a block of many lines), found without
 * cutting any string: a reader takes only the fields a verb needs, and numbers straight from the digits.
 * Filled by {@link scanQueueLogLine}; valid until the next scan into the same object.
 */
export class LineFields {
  text = '';
  /** UTC epoch milliseconds. */
  time = 0;
  /** Positions of the first four separators; callid is (p1, p2), queue (p2, p3), agent (p3, p4). */
  p1 = 0;
  p2 = 0;
  p3 = 0;
  p4 = 0;
  /** The event verb, trimmed: [eventStart, eventEnd). */
  eventStart = 0;
  eventEnd = 0;
  /** Number of data fields and their bounds (quotes already taken off). */
  count = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  callId(): string {
    return this.text.slice(this.p1 + 1, this.p2);
  }
  queue(): string {
    return this.text.slice(this.p2 + 1, this.p3);
  }
  agent(): string {
    return this.text.slice(this.p3 + 1, this.p4);
  }
  /** `callid|queue` as one string: the two fields with the separator between them. */
  callAndQueue(): string {
    return this.text.slice(this.p1 + 1, this.p3);
  }
  event(): string {
    return this.text.slice(this.eventStart, this.eventEnd);
  }
  /** True for the call ids of member and system events (`NONE`, `CLI`, `REALTIME`, empty). */
  callIdIsNoCall(): boolean {
    const s = this.p1 + 1;
    switch (this.p2 - s) {
      case 0:
        return true;
      case 3:
        return this.text.startsWith('CLI', s);
      case 4:
        return this.text.startsWith('NONE', s);
      case 8:
        return this.text.startsWith('REALTIME', s);
      default:
        return false;
    }
  }
  queueIs(name: string): boolean {
    return this.p3 - this.p2 - 1 === name.length && this.text.startsWith(name, this.p2 + 1);
  }
  /** Data field `i` (0-based), undefined past the last one. */
  data(i: number): string | undefined {
    return i < this.count ? this.text.slice(this.starts[i], this.ends[i]) : undefined;
  }
  /** Data field `i` as a number: NaN when missing or blank, else `Number(field)` (plain digits read in place). */
  num(i: number): number {
    if (i >= this.count) return Number.NaN;
    const s = this.starts[i];
    const e = this.ends[i];
    if (e > s && e - s <= 15) {
      let n = 0;
      let k = s;
      for (; k < e; k++) {
        const d = this.text.charCodeAt(k) - 48;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (k === e) return n;
    }
    const d = this.text.slice(s, e);
    return d.trim() === '' ? Number.NaN : Number(d);
  }
}

/** What String.prototype.trim removes (WhiteSpace and LineTerminator of ECMA-262). */
function isTrimmed(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The next `|` in [at, end), or -1. */
function bar(text: string, at: number, end: number): number {
  const i = text.indexOf('|', at);
  return i < 0 || i >= end ? -1 : i;
}

/**
 * Finds the fields of the line `text[from, end)` (no newline inside; a final `\r` is dropped) as
 * {@link splitQueueLogLine} describes them, into `into`. Returns null when the line was read, '' for a blank
 * line (nothing to read), or the reason the line is bad.
 */
export function scanQueueLogLine(text: string, from: number, end: number, textTimeZone: string, into: LineFields): string | null {
  if (end > from && text.charCodeAt(end - 1) === 13) end--;
  // The first five separators by hand, each bounded by the line's end (the text goes on after it).
  const p1 = bar(text, from, end);
  const p2 = p1 < 0 ? -1 : bar(text, p1 + 1, end);
  const p3 = p2 < 0 ? -1 : bar(text, p2 + 1, end);
  const p4 = p3 < 0 ? -1 : bar(text, p3 + 1, end);
  if (p4 < 0) {
    return text.slice(from, end).trim() === '' ? '' : 'expected at least 5 fields: epoch|callid|queue|agent|EVENT';
  }
  const p5 = bar(text, p4 + 1, end);
  let time = 0;
  let k = from;
  if (p1 - from <= 15) {
    for (; k < p1; k++) {
      const d = text.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      time = time * 10 + d;
    }
  }
  if (k === p1 && p1 > from) {
    time *= 1000; // whole epoch seconds, the usual case: exactly Math.round(Number(text) * 1000)
  } else {
    const timeText = text.slice(from, p1);
    time = Number(timeText);
    if (timeText === '' || !Number.isFinite(time)) {
      const dt = DateTime.fromSQL(timeText.trim(), { zone: textTimeZone });
      if (!dt.isValid) return `time "${timeText}" is neither epoch seconds nor YYYY-MM-DD HH:MM:SS`;
      time = dt.toMillis();
    } else {
      time = Math.round(time * 1000);
    }
  }
  let es = p4 + 1;
  let ee = p5 < 0 ? end : p5;
  while (es < ee && isTrimmed(text.charCodeAt(es))) es++;
  while (ee > es && isTrimmed(text.charCodeAt(ee - 1))) ee--;
  if (es === ee) return 'event field is empty';
  let count = 0;
  if (p5 >= 0) {
    const { starts, ends } = into;
    let s = p5 + 1;
    let e = end;
    // The older one-field layout: all data quoted together.
    if (e - s >= 2 && text.charCodeAt(s) === 34 && text.charCodeAt(e - 1) === 34) {
      s++;
      e--;
    }
    for (;;) {
      const b = text.indexOf('|', s);
      const stop = b < 0 || b > e ? e : b;
      const quoted = stop - s >= 2 && text.charCodeAt(s) === 34 && text.charCodeAt(stop - 1) === 34;
      starts[count] = quoted ? s + 1 : s;
      ends[count] = quoted ? stop - 1 : stop;
      count++;
      if (stop === e) break;
      s = stop + 1;
    }
  }
  into.text = text;
  into.time = time;
  into.p1 = p1;
  into.p2 = p2;
  into.p3 = p3;
  into.p4 = p4;
  into.eventStart = es;
  into.eventEnd = ee;
  into.count = count;
  return null;
}

const shared = new LineFields();

/**
 * Splits `epoch|callid|queue|agent|EVENT|data1|data2|…` (see docs/formats.md).
 *
 * Two layouts of the data are accepted, because both are in the wild:
 * - newer files (and the realtime table's data1…data5) have one field per datum: `…|CONNECT|6|1366720334.303266|0`;
 * - older exports of the realtime table keep all data in ONE field, its parts joined by `|` and the whole
 *   quoted so it survives the export: `…|CONNECT|"6|1366720334.303266|0"`. Quotes around single fields are dropped too.
 * The time is epoch seconds (fractions allowed) or, in exports of the realtime table, a local
 * `YYYY-MM-DD HH:MM:SS[.ffffff]` read in `textTimeZone`.
 * `into`: an object to fill and return instead of a new one (its `data` array is reused).
 */
export function splitQueueLogLine(line: string, textTimeZone = 'Asia/Shanghai', into?: QueueLogLine): SplitResult {
  const problem = scanQueueLogLine(line, 0, line.length, textTimeZone, shared);
  if (problem !== null) return { error: problem || 'expected at least 5 fields: epoch|callid|queue|agent|EVENT' };
  const out = into ?? { time: 0, callId: '', queue: '', agent: '', event: '', data: [] };
  out.data.length = 0;
  for (let i = 0; i < shared.count; i++) out.data.push(shared.data(i) as string);
  out.time = shared.time;
  out.callId = shared.callId();
  out.queue = shared.queue();
  out.agent = shared.agent();
  out.event = shared.event();
  return out;
}

import type { ContactOutcome } from '../../domain/contacts/contact.ts';
import { createRandom } from '../../domain/simulation/random.ts';

export interface GenerateOptions {
  seed: number;
  /** Stop after about this many lines (the calls in progress are finished first). */
  lines: number;
  /** First day's local midnight, epoch ms (default 2026-01-01 00:00 +08:00). */
  startMs?: number;
  agents?: number;
  queues?: string[];
  /** Mean calls per hour at the daily peak (default 60). */
  peakCallsPerHour?: number;
}

/** What the generator wrote, to check a parser against: calls per outcome and lines. */
export interface GeneratedTruth {
  lines: number;
  calls: number;
  outcomes: Record<ContactOutcome, number>;
  /** Answered calls whose wait was at most 20 s. */
  answeredWithin20: number;
  sumTalkSeconds: number;
}

/** Hourly call profile of a hotline open 08:00–20:00 (share of the peak). */
const PROFILE = [0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.9, 1, 1, 0.7, 0.8, 1, 0.95, 0.85, 0.7, 0.5, 0.35, 0, 0, 0, 0];

/**
 * Writes a realistic Asterisk queue_log in time order: agents join the queues at 08:00 and leave at
 * 20:00 (local), calls arrive by the hourly profile, most are answered (with RINGNOANSWER, transfers and
 * after-call-work pauses), some abandon (a share of them within 5 s), time out, leave by key or find the
 * queue empty, a few never get an end, and QUEUESTART/CONFIGRELOAD noise appears now and then.
 */
export function generateQueueLog(options: GenerateOptions, emit: (line: string) => void): GeneratedTruth {
  // The domain's seeded source (xoshiro128**): the same seed gives the same log on every machine.
  const rnd = createRandom(options.seed);
  const agents = Array.from({ length: options.agents ?? 100 }, (_, i) =>
    i % 3 === 0 ? `PJSIP/${1001 + i}` : i % 3 === 1 ? `SIP/${1001 + i}` : `Local/${1001 + i}@agents/n`,
  );
  const queues = options.queues ?? ['support', 'sales', 'billing', 'complaints'];
  const peak = options.peakCallsPerHour ?? 60;
  const truth: GeneratedTruth = {
    lines: 0,
    calls: 0,
    outcomes: { answered: 0, abandoned: 0, timeout: 0, exit_key: 0, exit_empty: 0, unknown: 0 },
    answeredWithin20: 0,
    sumTalkSeconds: 0,
  };
  // Lines due later (ends of calls, unpauses) wait in a heap ordered by time, then by insertion.
  const heap: { t: number; n: number; line: string }[] = [];
  let seq = 0;
  const later = (t: number, line: string): void => {
    heap.push({ t, n: seq++, line });
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p].t < heap[i].t || (heap[p].t === heap[i].t && heap[p].n < heap[i].n)) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): string => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        const less = (a: number, b: number): boolean =>
          heap[a].t < heap[b].t || (heap[a].t === heap[b].t && heap[a].n < heap[b].n);
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top.line;
  };
  const out = (line: string): void => {
    truth.lines++;
    emit(line);
  };
  const flush = (until: number): void => {
    while (heap.length > 0 && heap[0].t <= until) out(pop());
  };
  const busyUntil = new Map<string, number>();
  let day = options.startMs ?? Date.UTC(2025, 11, 31, 16);
  let callNo = 0;
  while (truth.lines < options.lines) {
    const open = day + 8 * 3_600_000;
    flush(open);
    for (const q of queues) for (const a of agents) later(open, `${open / 1000}|NONE|${q}|${a}|ADDMEMBER|`);
    if (rnd() < 0.05) later(open - 60_000, `${(open - 60_000) / 1000}|NONE|NONE|NONE|QUEUESTART|`);
    for (let h = 8; h < 20 && truth.lines < options.lines; h++) {
      const rate = (peak * PROFILE[h]) / 3_600_000;
      let t = day + h * 3_600_000;
      const end = t + 3_600_000;
      for (;;) {
        t += Math.ceil(-Math.log(1 - rnd()) / rate / 1000) * 1000;
        if (t >= end) break;
        flush(t);
        const s = t / 1000;
        const id = `${s}.${callNo++}`;
        const q = queues[Math.floor(rnd() * queues.length)];
        truth.calls++;
        out(`${s}|${id}|${q}|NONE|ENTERQUEUE||1390000${String(Math.floor(rnd() * 5000)).padStart(4, '0')}|1`);
        const u = rnd();
        const wait = Math.floor(-Math.log(1 - rnd()) * 18);
        const done = t + wait * 1000;
        if (u < 0.84) {
          const agent = agents[Math.floor(rnd() * agents.length)];
          if (rnd() < 0.2)
            later(
              done - 2000,
              `${done / 1000 - 2}|${id}|${q}|${agents[(agents.indexOf(agent) + 1) % agents.length]}|RINGNOANSWER|15000`,
            );
          later(done, `${done / 1000}|${id}|${q}|${agent}|CONNECT|${wait}|${id}b|3`);
          const talk = 30 + Math.floor(-Math.log(1 - rnd()) * 150);
          const fin = done + talk * 1000;
          const v = rnd();
          const verb =
            v < 0.5
              ? `COMPLETECALLER|${wait}|${talk}|1`
              : v < 0.93
                ? `COMPLETEAGENT|${wait}|${talk}|1`
                : v < 0.97
                  ? `TRANSFER|8000|from-internal|${wait}|${talk}|1`
                  : `ATTENDEDTRANSFER|BRIDGE|b${id}|${wait}|${talk}|1`;
          later(fin, `${fin / 1000}|${id}|${q}|${agent}|${verb}`);
          if (rnd() < 0.5 && (busyUntil.get(agent) ?? 0) < fin) {
            const acw = 5 + Math.floor(rnd() * 60);
            later(fin + 1000, `${fin / 1000 + 1}|NONE|${q}|${agent}|PAUSE|ACW`);
            later(fin + (1 + acw) * 1000, `${fin / 1000 + 1 + acw}|NONE|${q}|${agent}|UNPAUSE|ACW`);
            busyUntil.set(agent, fin + (1 + acw) * 1000);
          }
          truth.outcomes.answered++;
          if (wait <= 20) truth.answeredWithin20++;
          truth.sumTalkSeconds += talk;
        } else if (u < 0.95) {
          const w = rnd() < 0.3 ? Math.floor(rnd() * 5) : wait;
          later(t + w * 1000, `${s + w}|${id}|${q}|NONE|ABANDON|1|1|${w}`);
          truth.outcomes.abandoned++;
        } else if (u < 0.97) {
          later(t + 300_000, `${s + 300}|${id}|${q}|NONE|EXITWITHTIMEOUT|1|1|300`);
          truth.outcomes.timeout++;
        } else if (u < 0.98) {
          later(done, `${done / 1000}|${id}|${q}|NONE|EXITWITHKEY|0|1|1|${wait}`);
          truth.outcomes.exit_key++;
        } else if (u < 0.995) {
          later(done, `${done / 1000}|${id}|${q}|NONE|EXITEMPTY|1|1|${wait}`);
          truth.outcomes.exit_empty++;
        } else {
          truth.outcomes.unknown++; // a lost end: nothing more is written for this call
        }
        if (rnd() < 0.001) later(t + 500, `${s + 0.5}|NONE|NONE|NONE|CONFIGRELOAD|`);
      }
    }
    const close = day + 20 * 3_600_000 + 1_800_000; // 20:30, after the last calls ended
    flush(close);
    for (const q of queues) for (const a of agents) later(close, `${close / 1000}|NONE|${q}|${a}|REMOVEMEMBER|`);
    day += 86_400_000;
  }
  flush(Number.POSITIVE_INFINITY);
  return truth;
}

import type { AgentStateSpan, Contact, ContactOutcome } from '../../domain/contacts/contact.ts';
import type { AgentSession, HeldContact, QueueLogParserState } from './parser-state.ts';
import { LineFields, scanQueueLogLine } from './split-line.ts';
import { talkingSpanOf } from './talking-span.ts';
import { Verb, verbOf } from './verbs.ts';

export interface QueueLogParserOptions {
  /** Pause reasons that mean after-call work (话后处理); compared case-insensitively. */
  wrapUpReasons?: string[];
  /** A wrap-up pause this many seconds or less after a call's end is that call's after-call work (default 10). */
  acwGapSeconds?: number;
  /** An entered call with no end after this many hours is closed with outcome `unknown` (default 12). */
  unknownAfterHours?: number;
  /** Zone of textual times in exports of the realtime table (default Asia/Shanghai). */
  textTimeZone?: string;
  /** State saved by {@link QueueLogParser.state} of an earlier run, to resume a followed log. */
  state?: QueueLogParserState;
}

export interface QueueLogOutput {
  contacts: Contact[];
  spans: AgentStateSpan[];
  /** Lines that were not imported, with the reason; the other lines are. */
  errors: { line: number; reason: string }[];
  /** Lines read but used with a caveat (e.g. a call whose ENTERQUEUE was before this piece). */
  warnings: { line: number; reason: string }[];
  /** Event verbs not known to Zuoxi (custom QueueLog() events), with their counts; they are skipped. */
  unknownEvents: Record<string, number>;
}

export interface QueueLogParser {
  push(line: string, lineNo: number): void;
  /** Pushes every line of `text` (lines end in `\n` or `\r\n`; the last one may lack it), the first being `firstLineNo`. */
  pushBlock(text: string, firstLineNo: number): number;
  /** Takes what was produced since the last drain. */
  drain(): QueueLogOutput;
  /**
   * Ends the input: releases contacts held for after-call work and, with `closeOpenAsUnknown`, closes calls
   * still open as `unknown` (a call answered but never ended stays `answered` with no end) and ends open
   * agent spans at the last line's time. Without it the open calls stay in {@link state} for the next piece.
   */
  finish(options?: { closeOpenAsUnknown?: boolean }): QueueLogOutput;
  pending(): { contacts: number; agents: number; held: number };
  /** Plain JSON to save with the follow cursor. */
  state(): QueueLogParserState;
}

const HORIZON_CHECK_MS = 60_000;

/** Streaming Asterisk queue_log reader; field order of each verb in docs/formats.md. */
export function createQueueLogParser(options: QueueLogParserOptions = {}): QueueLogParser {
  const wrapUp = new Set((options.wrapUpReasons ?? ['ACW', '话后', 'Wrap-up']).map((r) => r.toLowerCase()));
  const gapMs = (options.acwGapSeconds ?? 10) * 1000;
  const horizonMs = (options.unknownAfterHours ?? 12) * 3_600_000;
  const zone = options.textTimeZone ?? 'Asia/Shanghai';
  const s = options.state;
  const open = new Map<string, Contact>((s?.open ?? []).map((c) => [`${c.callId}|${c.queue}`, c]));
  const held = new Map<string, HeldContact>((s?.held ?? []).map((h) => [h.contact.key, h]));
  const agents = new Map<string, AgentSession>((s?.agents ?? []).map((a) => [a.agent, a]));
  let lastTime = s?.lastTime ?? 0;
  let nextHorizonCheck = 0;
  /** Earliest timed release among held contacts: most lines need no look at them at all. */
  let earliestRelease = Number.NEGATIVE_INFINITY;
  let out: QueueLogOutput = empty();

  function empty(): QueueLogOutput {
    return { contacts: [], spans: [], errors: [], warnings: [], unknownEvents: {} };
  }
  function session(agent: string): AgentSession {
    let a = agents.get(agent);
    if (!a) {
      a = {
        agent,
        memberOf: [],
        loggedInSince: null,
        pausedIn: [],
        pausedSince: null,
        pauseReason: null,
        activeCall: null,
        lastCall: null,
        acwFor: null,
      };
      agents.set(agent, a);
    }
    return a;
  }
  function span(
    agent: string,
    queue: string | null,
    state: AgentStateSpan['state'],
    reason: string | null,
    start: number,
    end: number,
  ): void {
    if (end > start) out.spans.push({ key: `ql:${state}:${agent}:${start}`, agent, queue, state, reason, start, end });
  }
  /** A call left the queue unanswered (or ended after answer): emit it, or hold it for its after-call work. */
  /** `callKey`: the call's key in `open` when the caller has it (saves building it again). */
  function close(c: Contact, callKey = `${c.callId}|${c.queue}`): void {
    open.delete(callKey);
    if (c.agent !== null && c.endedAt === null) {
      const a = agents.get(c.agent);
      if (a && a.activeCall === c.key) a.activeCall = null;
    }
    if (c.outcome !== 'answered' || c.agent === null || c.endedAt === null) {
      out.contacts.push(c);
      return;
    }
    const talking = talkingSpanOf(c);
    if (talking) out.spans.push(talking);
    const a = session(c.agent);
    if (a.activeCall === c.key) a.activeCall = null;
    a.lastCall = { key: c.key, endedAt: c.endedAt };
    // Paused during the call: the pause counts from the call's end, not over the talk (docs/metrics.md).
    if (a.pausedSince !== null && a.pausedSince < c.endedAt) a.pausedSince = c.endedAt;
    if (a.acwFor === c.key) held.set(c.key, { contact: c, releaseAt: null, acwStart: c.endedAt });
    else {
      held.set(c.key, { contact: c, releaseAt: c.endedAt + gapMs, acwStart: null });
      if (c.endedAt + gapMs < earliestRelease) earliestRelease = c.endedAt + gapMs;
    }
  }

  function release(now: number): void {
    if (now >= earliestRelease) {
      earliestRelease = Number.POSITIVE_INFINITY;
      for (const [key, h] of held) {
        if (h.releaseAt === null) continue;
        if (h.releaseAt > now) {
          earliestRelease = h.releaseAt; // ends arrive in time order, so the rest are later
          break;
        }
        held.delete(key);
        out.contacts.push(h.contact);
      }
    }
    if (now >= nextHorizonCheck) {
      nextHorizonCheck = now + HORIZON_CHECK_MS;
      for (const c of open.values()) {
        if (c.enteredAt + horizonMs > now) break;
        close(c);
      }
    }
  }

  function startPause(a: AgentSession, time: number, reason: string | null): void {
    a.pausedSince = time;
    a.pauseReason = reason;
    a.acwFor = null;
    if (reason === null || !wrapUp.has(reason.toLowerCase())) return;
    if (a.activeCall !== null) {
      a.acwFor = a.activeCall;
      return;
    }
    const last = a.lastCall;
    const h = last ? held.get(last.key) : undefined;
    if (last && h && h.releaseAt !== null && time - last.endedAt <= gapMs) {
      held.delete(last.key); // re-insert so the FIFO of timed releases stays in order
      held.set(last.key, { contact: h.contact, releaseAt: null, acwStart: time });
      a.acwFor = last.key;
    }
  }

  function endPause(a: AgentSession, time: number): void {
    if (a.pausedSince === null) return;
    const start = a.pausedSince;
    const isAcw = a.acwFor !== null;
    // A pause that ends while its call is still going covered only talk time: no paused span, no ACW.
    if (a.activeCall === null) span(a.agent, null, isAcw ? 'acw' : 'paused', a.pauseReason, start, time);
    if (a.acwFor !== null) {
      const h = held.get(a.acwFor);
      if (h && h.releaseAt === null && h.acwStart !== null) {
        h.contact.acwSeconds += Math.max(0, time - h.acwStart) / 1000;
        h.releaseAt = time;
        held.delete(a.acwFor);
        out.contacts.push(h.contact);
      }
    }
    a.pausedSince = null;
    a.pauseReason = null;
    a.pausedIn = [];
    a.acwFor = null;
  }

  function membership(a: AgentSession, time: number, queue: string, join: boolean): void {
    const had = a.memberOf.length > 0;
    if (join) {
      if (!a.memberOf.includes(queue)) a.memberOf.push(queue);
      if (!had) a.loggedInSince = time;
    } else {
      a.memberOf = a.memberOf.filter((q) => q !== queue);
      if (had && a.memberOf.length === 0) {
        endPause(a, time);
        if (a.loggedInSince !== null) span(a.agent, null, 'logged_in', null, a.loggedInSince, time);
        a.loggedInSince = null;
      }
    }
  }

  /** The fields of the line being read, reused line after line (nothing keeps it past the line). */
  const F = new LineFields();
  let curLine = 0;
  function bad(reason: string): void {
    out.errors.push({ line: curLine, reason: `${F.event()}: ${reason}` });
  }
  function notACall(): void {
    bad(`call id "${F.callId()}" is not a call`);
  }

  function push(line: string, lineNo: number): void {
    read(line, 0, line.length, lineNo);
  }

  /** Reads the line `text[from, end)`; no string is cut but the fields the verb uses. */
  function read(text: string, from: number, end: number, lineNo: number): void {
    const problem = scanQueueLogLine(text, from, end, zone, F);
    if (problem !== null) {
      if (problem !== '') out.errors.push({ line: lineNo, reason: problem });
      return;
    }
    const time = F.time;
    if (time > lastTime) lastTime = time;
    release(time);
    // No closure per line here: under tsx every closure creation also pays a naming helper.
    curLine = lineNo;
    const verb = verbOf(text, F.eventStart, F.eventEnd);
    switch (verb) {
      case Verb.ENTERQUEUE: {
        if (F.callIdIsNoCall()) {
          notACall();
          return;
        }
        const callKey = F.callAndQueue();
        const prev = open.get(callKey);
        if (prev && Math.floor(prev.enteredAt / 1000) === Math.floor(time / 1000)) return; // the same line again
        if (prev) {
          out.warnings.push({
            line: lineNo,
            reason: `call ${F.callId()} entered ${F.queue()} again before its end; the earlier entry is counted with no recorded end`,
          });
          close(prev);
        }
        const caller = F.data(1)?.trim();
        open.set(callKey, queueLogContact(F.callId(), F.queue(), time, caller ? caller : null));
        return;
      }
      case Verb.CONNECT: {
        const hold = F.num(0);
        if (!(hold >= 0)) {
          bad(`data1 (hold time) "${F.data(0) ?? ''}" is not a number of seconds`);
          return;
        }
        const callKey = F.callAndQueue();
        let c = open.get(callKey);
        if (!c) {
          if (F.callIdIsNoCall()) {
            notACall();
            return;
          }
          c = queueLogContact(F.callId(), F.queue(), time - hold * 1000, null);
          open.set(callKey, c);
          out.warnings.push({
            line: lineNo,
            reason: `no ENTERQUEUE for call ${F.callId()} in ${F.queue()}; entry time taken as CONNECT − hold time`,
          });
        }
        // The session's name: one string per agent however many calls it takes (cheaper to look up later).
        const a = session(F.agent());
        c.outcome = 'answered';
        c.waitSeconds = hold;
        c.answeredAt = time;
        c.agent = a.agent;
        a.activeCall = c.key;
        return;
      }
      case Verb.COMPLETEAGENT:
      case Verb.COMPLETECALLER:
      case Verb.TRANSFER:
      case Verb.BLINDTRANSFER:
      case Verb.ATTENDEDTRANSFER: {
        // COMPLETE*: hold|call|origpos; (BLIND)TRANSFER: ext|context|hold|call|origpos;
        // ATTENDEDTRANSFER: method|data…|hold|call|origpos (LINK has two data fields) — so count from the end.
        const isComplete = verb === Verb.COMPLETEAGENT || verb === Verb.COMPLETECALLER;
        const hi = isComplete ? 0 : F.count >= 5 ? F.count - 3 : 2;
        const hold = F.num(hi);
        const talk = F.num(hi + 1);
        if (!(hold >= 0) || !(talk >= 0)) {
          bad(`hold time "${F.data(hi) ?? ''}" and call time "${F.data(hi + 1) ?? ''}" must be numbers of seconds`);
          return;
        }
        const callKey = F.callAndQueue();
        let c = open.get(callKey);
        if (!c) {
          if (F.callIdIsNoCall()) {
            notACall();
            return;
          }
          c = queueLogContact(F.callId(), F.queue(), time - (hold + talk) * 1000, null);
          c.answeredAt = time - talk * 1000;
          out.warnings.push({
            line: lineNo,
            reason: `no ENTERQUEUE/CONNECT for call ${F.callId()} in ${F.queue()}; times taken from the ${F.event()} line`,
          });
        }
        c.outcome = 'answered';
        c.waitSeconds = c.waitSeconds ?? hold;
        c.answeredAt = c.answeredAt ?? time - talk * 1000;
        c.agent = c.agent ?? F.agent();
        c.talkSeconds = talk;
        c.endedAt = time;
        c.transferred = !isComplete;
        close(c, callKey);
        return;
      }
      case Verb.AGENTDUMP: {
        const callKey = F.callAndQueue();
        const c = open.get(callKey);
        if (!c) return;
        c.outcome = c.answeredAt !== null ? 'answered' : 'abandoned';
        c.endedAt = time;
        c.talkSeconds = c.answeredAt !== null ? (time - c.answeredAt) / 1000 : 0;
        c.agent = c.agent ?? F.agent();
        close(c, callKey);
        return;
      }
      case Verb.ABANDON:
      case Verb.EXITWITHTIMEOUT:
      case Verb.EXITEMPTY:
      case Verb.JOINEMPTY:
      case Verb.EXITWITHKEY: {
        const outcome: ContactOutcome =
          verb === Verb.ABANDON
            ? 'abandoned'
            : verb === Verb.EXITWITHTIMEOUT
              ? 'timeout'
              : verb === Verb.EXITWITHKEY
                ? 'exit_key'
                : 'exit_empty';
        // position|origposition|waittime, EXITWITHKEY: key|position|origposition|waittime; old logs stop early.
        const logged = F.num(verb === Verb.EXITWITHKEY ? 3 : 2);
        const callKey = F.callAndQueue();
        let c = open.get(callKey);
        if (!c) {
          if (F.callIdIsNoCall()) {
            notACall();
            return;
          }
          if (verb !== Verb.JOINEMPTY && !(logged >= 0)) {
            bad(`no ENTERQUEUE for this call and no wait time to place it`);
            return;
          }
          // JOINEMPTY may carry no wait (NaN): its entry is the line's time.
          c = queueLogContact(F.callId(), F.queue(), time - (Number.isNaN(logged) ? 0 : Math.max(logged, 0)) * 1000, null);
          if (verb !== Verb.JOINEMPTY)
            out.warnings.push({
              line: lineNo,
              reason: `no ENTERQUEUE for call ${F.callId()} in ${F.queue()}; entry time taken as ${F.event()} − wait time`,
            });
        }
        c.outcome = outcome;
        c.waitSeconds = logged >= 0 ? logged : Math.max(0, (time - c.enteredAt) / 1000);
        c.endedAt = time;
        close(c, callKey);
        return;
      }
      case Verb.RINGNOANSWER: {
        const c = open.get(F.callAndQueue());
        if (c) c.ringNoAnswer++;
        return;
      }
      case Verb.ADDMEMBER:
        membership(session(F.agent()), time, F.queue(), true);
        return;
      case Verb.REMOVEMEMBER:
        membership(session(F.agent()), time, F.queue(), false);
        return;
      case Verb.AGENTLOGIN:
      case Verb.AGENTCALLBACKLOGIN:
        membership(session(F.agent()), time, '*login', true);
        return;
      case Verb.AGENTLOGOFF:
      case Verb.AGENTCALLBACKLOGOFF:
        membership(session(F.agent()), time, '*login', false);
        return;
      case Verb.PAUSE:
      case Verb.PAUSEALL: {
        const a = session(F.agent());
        const given = F.data(0)?.trim();
        const reason = given ? given : null;
        const where = verb === Verb.PAUSEALL || F.queueIs('NONE') ? '*' : F.queue();
        if (a.pausedSince !== null && reason !== null && a.pauseReason !== null && reason !== a.pauseReason) endPause(a, time);
        if (a.pausedSince === null) startPause(a, time, reason);
        else if (a.pauseReason === null && reason !== null) a.pauseReason = reason;
        if (!a.pausedIn.includes(where)) a.pausedIn.push(where);
        return;
      }
      case Verb.UNPAUSE:
      case Verb.UNPAUSEALL: {
        const a = session(F.agent());
        if (verb === Verb.UNPAUSEALL || F.queueIs('NONE')) a.pausedIn = [];
        else {
          const queue = F.queue();
          a.pausedIn = a.pausedIn.filter((q) => q !== queue);
        }
        if (a.pausedIn.length === 0) endPause(a, time);
        return;
      }
      case Verb.QUEUESTART:
        // Asterisk (re)started: no call from before can still be in a queue; their ends were never written.
        for (const c of [...open.values()]) close(c);
        return;
      case Verb.IGNORED:
        return;
      default: {
        const event = F.event();
        out.unknownEvents[event] = (out.unknownEvents[event] ?? 0) + 1;
      }
    }
  }

  function pushBlock(text: string, firstLineNo: number): number {
    let lineNo = firstLineNo;
    let from = 0;
    for (let nl = text.indexOf('\n'); from < text.length; nl = text.indexOf('\n', from)) {
      const end = nl < 0 ? text.length : nl;
      if (end > from) read(text, from, end, lineNo);
      lineNo++;
      from = end + 1;
    }
    return lineNo - firstLineNo;
  }

  function drain(): QueueLogOutput {
    const o = out;
    out = empty();
    return o;
  }

  return {
    push,
    pushBlock,
    drain,
    finish({ closeOpenAsUnknown = false } = {}) {
      for (const h of held.values()) if (h.releaseAt !== null || closeOpenAsUnknown) out.contacts.push(h.contact);
      for (const [k, h] of held) if (h.releaseAt !== null || closeOpenAsUnknown) held.delete(k);
      if (closeOpenAsUnknown) {
        for (const c of [...open.values()]) close(c);
        for (const [k, h] of held) {
          held.delete(k);
          out.contacts.push(h.contact);
        }
        for (const a of agents.values()) {
          if (a.pausedSince !== null && a.activeCall === null)
            span(a.agent, null, a.acwFor ? 'acw' : 'paused', a.pauseReason, a.pausedSince, lastTime);
          if (a.loggedInSince !== null) span(a.agent, null, 'logged_in', null, a.loggedInSince, lastTime);
        }
        agents.clear();
      }
      return drain();
    },
    pending: () => ({ contacts: open.size, agents: agents.size, held: held.size }),
    state: () =>
      structuredClone({
        version: 1 as const,
        lastTime,
        open: [...open.values()],
        held: [...held.values()],
        agents: [...agents.values()],
      }),
  };
}

/**
 * A queue_log call as it entered the queue, with no outcome yet (`unknown`): its key is the call id, queue and
 * entry second, so a piece of the log read again finds the same contact.
 */
export function queueLogContact(callId: string, queue: string, enteredAt: number, callerId: string | null): Contact {
  return {
    key: `ql:${callId}:${queue}:${Math.floor(enteredAt / 1000)}`,
    callId,
    queue,
    callerId,
    enteredAt,
    outcome: 'unknown',
    waitSeconds: null,
    answeredAt: null,
    endedAt: null,
    agent: null,
    talkSeconds: 0,
    holdSeconds: 0,
    acwSeconds: 0,
    transferred: false,
    ringNoAnswer: 0,
  };
}

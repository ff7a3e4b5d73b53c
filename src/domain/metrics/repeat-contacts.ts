import type { Contact } from '../contacts/contact.ts';

export interface RepeatRow {
  /** Skill group (by 'queue') or agent (by 'agent') of the first call. */
  name: string;
  /** Answered contacts with a caller number whose whole window was observed. */
  eligible: number;
  /** Of those, contacts followed by another call from the same number within the window. */
  repeated: number;
  /** repeated / eligible; null when none is eligible. */
  repeatRate: number | null;
  /** 一次解决率 = 1 − repeat rate. */
  fcr: number | null;
  /** Answered contacts left out because their window reaches past `observedUntil`. */
  censored: number;
}

/** Caller numbers that do not identify a person. */
const ANONYMOUS = new Set(['', 'anonymous', 'unknown', 'restricted', 'private', 'unavailable']);

/**
 * Repeat contacts — the measurable side of first-contact resolution (一次解决率).
 * Definition: an answered contact with a caller number is *repeated* when a contact of another call
 * (different callId, so a transfer into a second queue is not a repeat) from the same number enters a
 * queue within `windowHours` after the first one's end (its entry if no end was recorded). Each answered
 * contact is judged on its own (in A → B → C each within the window, A and B are repeated). A contact
 * whose window extends past `observedUntil` (the end of the data) is left out as censored, because a
 * repeat could still come. Repeats are attributed to the skill group or agent of the first contact.
 *
 * @example calls from 138…1 at 09:00 (answered, ended 09:05) and 20:00 the same day, window 24 h → the 09:00 call is repeated.
 */
export function repeatContacts(
  contacts: Iterable<Contact>,
  options: {
    windowHours: number;
    observedUntil: number;
    by: 'queue' | 'agent';
    queueToGroup?: Record<string, string>;
    agentMap?: Record<string, string>;
  },
): RepeatRow[] {
  const windowMs = options.windowHours * 3_600_000;
  const byCaller = new Map<string, Contact[]>();
  for (const c of contacts) {
    if (c.callerId === null || ANONYMOUS.has(c.callerId.trim().toLowerCase())) continue;
    let list = byCaller.get(c.callerId);
    if (!list) {
      list = [];
      byCaller.set(c.callerId, list);
    }
    list.push(c);
  }
  const rows = new Map<string, RepeatRow>();
  for (const list of byCaller.values()) {
    list.sort((a, b) => a.enteredAt - b.enteredAt);
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (c.outcome !== 'answered') continue;
      const name =
        options.by === 'queue'
          ? (options.queueToGroup?.[c.queue] ?? c.queue)
          : (options.agentMap?.[c.agent ?? ''] ?? c.agent ?? '');
      let r = rows.get(name);
      if (!r) {
        r = { name, eligible: 0, repeated: 0, repeatRate: null, fcr: null, censored: 0 };
        rows.set(name, r);
      }
      const from = c.endedAt ?? c.enteredAt;
      if (from + windowMs > options.observedUntil) {
        r.censored++;
        continue;
      }
      r.eligible++;
      for (let j = i + 1; j < list.length && list[j].enteredAt <= from + windowMs; j++) {
        if (list[j].callId !== c.callId && list[j].enteredAt > from) {
          r.repeated++;
          break;
        }
      }
    }
  }
  const out = [...rows.values()];
  for (const r of out) {
    r.repeatRate = r.eligible > 0 ? r.repeated / r.eligible : null;
    r.fcr = r.repeatRate === null ? null : 1 - r.repeatRate;
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

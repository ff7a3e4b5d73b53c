import { describe, expect, it } from 'vitest';
import type { Contact } from '../contacts/contact.ts';
import { repeatContacts } from './repeat-contacts.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 1);
function c(
  callId: string,
  queue: string,
  caller: string | null,
  atH: number,
  outcome: Contact['outcome'] = 'answered',
  agent = 'SIP/1001',
): Contact {
  const enteredAt = T0 + atH * H;
  return {
    key: `${callId}:${queue}`,
    callId,
    queue,
    callerId: caller,
    enteredAt,
    outcome,
    waitSeconds: 5,
    answeredAt: enteredAt + 5000,
    endedAt: enteredAt + 300_000,
    agent: outcome === 'answered' ? agent : null,
    talkSeconds: 295,
    holdSeconds: 0,
    acwSeconds: 0,
    transferred: false,
    ringNoAnswer: 0,
  };
}

describe('repeatContacts', () => {
  const contacts = [
    c('a1', 'support', '138001', 0), // repeated by a2 11 h later
    c('a2', 'billing', '138001', 11), // repeated by a3 (30 h after a2 ends? no: 40 h) → not within 24 h
    c('a3', 'support', '138001', 51), // window ends after observedUntil → censored
    c('b1', 'support', '138002', 0),
    c('b1', 'sales', '138002', 0.05), // same call transferred to sales: not a repeat of b1; b1 (sales) itself not repeated
    c('d1', 'support', '138004', 1), // followed only by an abandoned call 2 h later → still a repeat (the caller called again)
    c('d2', 'support', '138004', 3, 'abandoned'),
    c('e1', 'support', 'anonymous', 1),
    c('e2', 'support', 'anonymous', 2),
  ];
  const observedUntil = T0 + 60 * H;

  it("counts a repeat within the window, attributed to the first call's skill group", () => {
    const rows = repeatContacts(contacts, { windowHours: 24, observedUntil, by: 'queue' });
    // support: eligible a1 (rep), b1 (no), d1 (rep) = 3, censored a3; billing: a2 (no); sales: b1' (no).
    expect(rows).toEqual([
      { name: 'billing', eligible: 1, repeated: 0, repeatRate: 0, fcr: 1, censored: 0 },
      { name: 'sales', eligible: 1, repeated: 0, repeatRate: 0, fcr: 1, censored: 0 },
      { name: 'support', eligible: 3, repeated: 2, repeatRate: 2 / 3, fcr: 1 - 2 / 3, censored: 1 },
    ]);
  });
  it('a longer window finds the later repeat', () => {
    const rows = repeatContacts(contacts, { windowHours: 48, observedUntil, by: 'queue' });
    // a2 ended at 11 h 5 min; a3 at 51 h is 39.9 h later → repeated within 48 h. a3 is censored (51 + 48 > 60).
    expect(rows.find((r) => r.name === 'billing')).toMatchObject({ eligible: 1, repeated: 1 });
  });
});

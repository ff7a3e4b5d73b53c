import type { Contact } from '../domain/contacts/contact.ts';

/** For tests: call 1.1 of queue `sales`, entered at `t` and stored without an end (`unknown`), as a piece of a log leaves it. */
export function contactWithoutEnd(t: number): Contact {
  return {
    key: 'ql:1.1:sales:1',
    callId: '1.1',
    queue: 'sales',
    callerId: null,
    enteredAt: t,
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

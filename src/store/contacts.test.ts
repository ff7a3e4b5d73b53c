import { describe, expect, test } from 'vitest';
import type { Contact } from '../domain/contacts/contact.ts';
import { contactsBetween, insertContacts } from './contacts.ts';
import { createTestDatabase, TEST_DIALECTS } from './testing.ts';

const contact = (i: number): Contact => ({
  key: `t:${i}`,
  callId: `c${i}`,
  queue: 'policy',
  callerId: '13800000000',
  enteredAt: 1_000_000 + i * 1000,
  outcome: i % 3 === 0 ? 'abandoned' : 'answered',
  waitSeconds: i,
  answeredAt: i % 3 === 0 ? null : 1_000_000 + i * 1000 + i * 1000,
  endedAt: 1_000_000 + i * 1000 + 60_000,
  agent: i % 3 === 0 ? null : 'PJSIP/1001',
  talkSeconds: 50.5,
  holdSeconds: 0,
  acwSeconds: 10,
  transferred: i === 4,
  ringNoAnswer: 0,
});

describe.each(TEST_DIALECTS)('contact storage on %s', (dialect) => {
  test('re-importing overlapping batches never duplicates, and records round-trip', async () => {
    const h = await createTestDatabase(dialect);
    try {
      const all = Array.from({ length: 1200 }, (_, i) => contact(i));
      expect(await insertContacts(h.db, all.slice(0, 800), 'test')).toBe(800);
      expect(await insertContacts(h.db, all.slice(500), 'test')).toBe(400);
      const back = await contactsBetween(h.db, 0, Number.MAX_SAFE_INTEGER);
      expect(back).toHaveLength(1200);
      expect(back[4]).toEqual(all[4]);
    } finally {
      await h.close();
    }
  });
});

describe.each(TEST_DIALECTS)('a later piece completes an unknown outcome on %s', (dialect) => {
  test('unknown → answered, but answered is never overwritten', async () => {
    const h = await createTestDatabase(dialect);
    try {
      const base = contact(1);
      await insertContacts(h.db, [{ ...base, outcome: 'unknown', answeredAt: null, endedAt: null, agent: null }], 'test');
      await insertContacts(h.db, [base], 'test');
      await insertContacts(h.db, [{ ...base, outcome: 'unknown' }], 'test');
      await insertContacts(h.db, [{ ...base, outcome: 'abandoned' }], 'test');
      const [back] = await contactsBetween(h.db, 0, Number.MAX_SAFE_INTEGER);
      expect(back).toEqual(base);
    } finally {
      await h.close();
    }
  });
});

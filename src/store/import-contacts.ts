import type { AgentStateSpan, Contact } from '../domain/contacts/contact.ts';
import type { Db } from './audit.ts';
import { insertAgentStateSpans, insertContacts } from './contacts.ts';
import { loadReportContext, rebuildCells } from './interval-cells.ts';

const CELL_MS = 15 * 60_000;

/**
 * Stores a batch of normalised records and refreshes the 15-minute cells they touch. Call inside a
 * transaction together with whatever marks the batch as done (a follow cursor), so that an interrupted
 * import leaves either all of a batch or none of it.
 */
export async function storeContactBatch(
  db: Db,
  contacts: readonly Contact[],
  spans: readonly AgentStateSpan[],
  source: string,
): Promise<{ contacts: number; spans: number }> {
  const newContacts = contacts.length ? await insertContacts(db, contacts, source) : 0;
  const newSpans = spans.length ? await insertAgentStateSpans(db, spans, source) : 0;
  if (contacts.length > 0) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const c of contacts) {
      if (c.enteredAt < min) min = c.enteredAt;
      if (c.enteredAt > max) max = c.enteredAt;
    }
    // Cells are 15 minutes in UTC too: every zone's offset is a whole number of quarter hours.
    const from = Math.floor(min / CELL_MS) * CELL_MS;
    const to = Math.floor(max / CELL_MS) * CELL_MS + CELL_MS;
    await rebuildCells(db, from, to, await loadReportContext(db));
  }
  return { contacts: newContacts, spans: newSpans };
}

export type ImportKind = 'queue-log' | 'call-csv';

/** What an upload returns: counts stored, and every line that was not imported with its reason. */
export interface ImportResult {
  lines?: number;
  contacts: number;
  spans?: number;
  errors: { line: number; reason: string }[];
  warnings?: { line: number; reason: string }[];
  stillOpen?: { contacts: number; agents: number; held: number };
}

/**
 * The API call of an upload: a queue_log goes to /imports/queue-log as `{ text, name }`, a call CSV to
 * /imports/call-csv as `{ csv }`. A UTF-8 byte-order mark (Excel writes one) is dropped, so the first
 * header or line is read as written.
 * @example importRequest('call-csv', '\uFEFFcallid,…', 'x.csv') // { path: '/imports/call-csv', body: { csv: 'callid,…' } }
 */
export function importRequest(kind: ImportKind, text: string, fileName: string): { path: string; body: Record<string, string> } {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (kind === 'queue-log') return { path: '/imports/queue-log', body: { text: clean, name: fileName.slice(0, 200) } };
  return { path: '/imports/call-csv', body: { csv: clean } };
}

import { expect, test } from 'vitest';
import { importRequest } from './import-request.ts';

test('each kind goes to its endpoint with its body; a BOM is dropped and long names cut to the API limit', () => {
  expect(importRequest('queue-log', '1|c|q|NONE|ENTERQUEUE', 'queue_log')).toEqual({
    path: '/imports/queue-log',
    body: { text: '1|c|q|NONE|ENTERQUEUE', name: 'queue_log' },
  });
  expect(importRequest('call-csv', '\uFEFFcallid,queue\n', 'calls.csv')).toEqual({
    path: '/imports/call-csv',
    body: { csv: 'callid,queue\n' },
  });
  expect((importRequest('queue-log', 'x', 'n'.repeat(300)).body.name ?? '').length).toBe(200);
});

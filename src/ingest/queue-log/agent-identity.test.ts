import { describe, expect, it } from 'vitest';
import { agentIdentity } from './agent-identity.ts';

describe('agentIdentity', () => {
  it.each([
    ['SIP/1001', '1001'],
    ['PJSIP/1001', '1001'],
    ['IAX2/1001', '1001'],
    ['Local/1001@agents', '1001'],
    ['Local/2004@from-internal/n', '2004'],
    ['Local/2004@from-queue', '2004'],
    ['Agent/1001', '1001'],
    ['SIP/1001-0000002a', '1001'],
    ['PJSIP/alice', 'alice'],
    ['张三', '张三'],
    [' 1001 ', '1001'],
  ])('%s → %s', (raw, id) => {
    expect(agentIdentity(raw)).toBe(id);
  });
});

import { expect, test } from 'vitest';
import { safeNext } from './safe-next.ts';

test('only same-origin paths are followed after sign-in', () => {
  expect(safeNext('/organisation/agents?teamId=2')).toBe('/organisation/agents?teamId=2');
  for (const bad of [
    '//evil.example/x',
    'https://evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '',
    null,
    '/login?next=/x',
  ]) {
    expect(safeNext(bad)).toBe('/');
  }
});

import { expect, test } from 'vitest';
import { ApiError, retryAfterSeconds } from './api-error.ts';

test('retry-after as seconds or as an HTTP date', () => {
  expect(retryAfterSeconds('30', 0)).toBe(30);
  expect(retryAfterSeconds(' 0 ', 0)).toBe(0);
  const now = Date.UTC(2026, 10, 24, 8, 0, 0);
  // RFC 9110's IMF-fixdate, 90 s after now
  expect(retryAfterSeconds('Tue, 24 Nov 2026 08:01:30 GMT', now)).toBe(90);
  expect(retryAfterSeconds('Tue, 24 Nov 2026 07:59:00 GMT', now)).toBe(0); // already past
  expect(retryAfterSeconds(null, now)).toBeNull();
  expect(retryAfterSeconds('soon', now)).toBeNull();
});

test('an ApiError carries the status and the detail as its message', () => {
  const e = new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'username x exists' });
  expect(e.status).toBe(409);
  expect(e.message).toBe('username x exists');
  expect(e.retryAfterSeconds).toBeNull();
});

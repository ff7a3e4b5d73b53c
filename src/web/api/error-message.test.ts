import { expect, test } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { ApiError } from './api-error.ts';
import { errorMessage } from './error-message.ts';

const t = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');
const err = (status: number, extra: object = {}, retry: number | null = null) =>
  new ApiError({ type: 'about:blank', title: 'x', status, detail: 'the detail', ...extra }, retry);

test('each status reads as its own sentence in the UI language', () => {
  expect(errorMessage(err(401), t)).toBe('用户名或密码错误');
  expect(errorMessage(err(403), t)).toContain('无权');
  expect(errorMessage(err(429, {}, 17), t)).toBe('尝试次数过多，请 17 秒后重试');
  expect(errorMessage(err(429, {}, 17), en)).toBe('Too many attempts; retry after 17 s');
  expect(errorMessage(err(429), t)).toBe('尝试次数过多，请稍后重试');
  expect(errorMessage(err(409), en)).toBe('Conflicts with existing data: the detail');
  expect(errorMessage(err(500), en)).toBe('Server error (500): the detail');
  expect(errorMessage(err(400, { errors: [{ path: 'body.name', message: 'Required' }] }), t)).toBe('请检查标出的字段');
  expect(errorMessage(new TypeError('Failed to fetch'), t)).toBe('无法连接服务器，请检查网络后重试');
});

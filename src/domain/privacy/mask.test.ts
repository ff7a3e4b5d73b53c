import { expect, test } from 'vitest';
import { maskName, maskPersonal, maskPhone } from './mask.ts';

test('mobile numbers keep prefix and last four', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
  expect(maskPhone('138 1234 5678')).toBe('138****5678');
  expect(maskPhone('+8613812345678')).toBe('+86****5678');
  expect(maskPhone('12345')).toBe('*2345');
  expect(maskPhone('110')).toBe('***');
  expect(maskPhone(null)).toBeNull();
});
test('names keep the first character', () => {
  expect(maskName('张三丰')).toBe('张**');
  expect(maskName('李四')).toBe('李*');
  expect(maskName('王')).toBe('王*');
});
test('maskPersonal masks only when not allowed', () => {
  const r = { callerName: '张三', callerPhone: '13812345678', title: 'x' };
  expect(maskPersonal(r, true, { phone: ['callerPhone'], name: ['callerName'] })).toEqual(r);
  expect(maskPersonal(r, false, { phone: ['callerPhone'], name: ['callerName'] })).toEqual({
    callerName: '张*',
    callerPhone: '138****5678',
    title: 'x',
  });
});

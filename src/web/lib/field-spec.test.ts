import { expect, test } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { asText, type FieldSpec, numberOrNull, textOrNull, validateFields } from './field-spec.ts';

const t = i18n.getFixedT('en');
const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'seats', label: 'Seats', kind: 'integer', required: true, min: 0, max: 100_000 },
  { name: 'hours', label: 'Hours', kind: 'number', min: 0, max: 60 },
  { name: 'roles', label: 'Roles', kind: 'checkboxes', required: true },
  { name: 'hireDate', label: 'Hire date', kind: 'date' },
];

test('valid values pass', () => {
  expect(validateFields(fields, { name: 'A', seats: '0', hours: '37.5', roles: ['admin'], hireDate: '2024-03-01' }, t)).toEqual(
    {},
  );
  expect(validateFields(fields, { name: 'A', seats: '100000', hours: '', roles: ['admin'] }, t)).toEqual({});
});

test('each kind of mistake is named on its field', () => {
  expect(validateFields(fields, { name: '  ', seats: '1.5', hours: '61', roles: [], hireDate: '2024/3/1' }, t)).toEqual({
    name: 'Required',
    seats: 'Enter a whole number',
    hours: 'Must be between 0 and 60',
    roles: 'Required',
    hireDate: 'Required',
  });
  expect(validateFields(fields, { name: 'A', seats: 'x', roles: ['a'] }, t)).toEqual({ seats: 'Enter a number' });
  expect(validateFields(fields, { name: 'A', seats: '-1', roles: ['a'] }, t)).toEqual({ seats: 'Must be between 0 and 100000' });
});

test("form text converts to the API's nullable values", () => {
  expect(numberOrNull('')).toBeNull();
  expect(numberOrNull(' 12 ')).toBe(12);
  expect(textOrNull('  ')).toBeNull();
  expect(textOrNull(' 王 ')).toBe('王');
  expect(asText(null)).toBe('');
  expect(asText(40)).toBe('40');
});

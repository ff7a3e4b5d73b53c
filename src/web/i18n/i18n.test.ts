import { expect, test } from 'vitest';
import { ROLES } from '../../domain/auth/roles.ts';
import { NAV, NAV_GROUPS } from '../navigation.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every leaf of a nested message object as `a.b.c` → value. */
function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) for (const [p, x] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, x);
  } else out.set(prefix, obj);
  return out;
}

const zh = leaves(zhCN);
const eng = leaves(en);

test('zh-CN and en have exactly the same keys', () => {
  expect([...eng.keys()].sort()).toEqual([...zh.keys()].sort());
});

test('no value is empty or anything but a string', () => {
  for (const [key, value] of [...zh, ...eng]) {
    expect(typeof value, key).toBe('string');
    expect(String(value).trim(), key).not.toBe('');
  }
});

test('interpolation placeholders match between languages', () => {
  const vars = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
  for (const [key, value] of zh) expect(vars(eng.get(key)), key).toEqual(vars(value));
});

test('every navigation entry, group and role has a label, and every metric a label and a definition', () => {
  for (const e of NAV) {
    expect(zh.has(`nav.${e.id}`), e.id).toBe(true);
    expect(zh.has(`navDesc.${e.id}`), e.id).toBe(true);
  }
  for (const g of NAV_GROUPS) expect(zh.has(`navGroup.${g}`), g).toBe(true);
  for (const r of ROLES) expect(zh.has(`roles.${r}`), r).toBe(true);
  const metrics = [
    'offered',
    'answered',
    'abandoned',
    'serviceLevel',
    'answerRate',
    'asa',
    'aht',
    'occupancy',
    'utilization',
    'repeatRate',
    'fcr',
    'scheduleFit',
    'onTimeClosureRate',
    'satisfactionRate',
  ];
  for (const m of metrics) {
    expect(zh.has(`metrics.${m}.label`) && zh.has(`metrics.${m}.definition`), m).toBe(true);
  }
});

test('the worked examples in metric definitions add up', () => {
  // scheduleFit: required 10, 12; scheduled 9, 13 → 1 − (1 + 1) / 22
  expect((1 - 2 / 22) * 100).toBeCloseTo(90.9, 1);
  expect(zh.get('metrics.scheduleFit.definition')).toContain('90.9%');
  expect(eng.get('metrics.scheduleFit.definition')).toContain('90.9%');
  // answerRate: 184 / 200
  expect((184 / 200) * 100).toBe(92);
  expect(zh.get('metrics.answerRate.definition')).toContain('92%');
});

import { expect, test } from 'vitest';
import en from '../../i18n/en.json' with { type: 'json' };
import zh from '../../i18n/zh-CN.json' with { type: 'json' };
import { DATE_PRESETS } from './date-presets.ts';
import { REPORT_COLUMNS } from './report-columns.ts';

type Tree = { [k: string]: string | Tree };
const at = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Tree | undefined)?.[k], tree);

test('every report column has a header, and a metric label with its definition, in both languages', () => {
  for (const lang of [zh, en]) {
    for (const c of REPORT_COLUMNS) {
      expect(typeof at(lang, `reports.columns.${c.key}`), `reports.columns.${c.key}`).toBe('string');
      expect(typeof at(lang, `metrics.${c.metric}.label`), `metrics.${c.metric}.label`).toBe('string');
      expect(String(at(lang, `metrics.${c.metric}.definition`)).length, `metrics.${c.metric}.definition`).toBeGreaterThan(10);
    }
    for (const p of DATE_PRESETS) expect(typeof at(lang, `reports.presets.${p}`)).toBe('string');
    for (const d of ['1', '2', '3']) expect(typeof at(lang, `reports.slFormula.${d}`)).toBe('string');
  }
});

import { describe, expect, test } from 'vitest';
import { DEMO_SCORECARD } from '../../../domain/demo/demo-quality.ts';
import { scorecardSchema } from '../../../domain/quality/scorecard-schema.ts';
import { blankSection, fromDraft, parseScale, toDraft } from './scorecard-draft.ts';

describe('the scorecard editor draft', () => {
  test('scale text reads half- and full-width separators', () => {
    expect(parseScale('优:10, 良：6，差:0')).toEqual([
      { label: '优', points: 10 },
      { label: '良', points: 6 },
      { label: '差', points: 0 },
    ]);
    expect(parseScale('好')[0]!.points).toBeNaN();
  });

  test('a card survives the round trip through the editor unchanged', () => {
    const card = scorecardSchema.parse({ ...DEMO_SCORECARD, id: 'hotline', version: 1 });
    const { definition, problems } = fromDraft(toDraft('hotline', card));
    expect(problems.size).toBe(0);
    expect(scorecardSchema.parse({ ...definition, id: 'hotline', version: 1 })).toEqual(card);
  });

  test('the schema problems come back by path, before anything is sent', () => {
    const d = toDraft('', { name: 'x', sections: [] });
    d.sections.push(blankSection(1));
    d.sections[0]!.items[0]!.label = '开头语';
    d.sections[0]!.label = '服务';
    d.sections[0]!.items[0]!.mode = 'scale';
    d.sections[0]!.items[0]!.scale = '优:8, 差:0';
    d.sections[0]!.items[0]!.bonus = true;
    d.sections[0]!.items[0]!.critical = 'form';
    const { problems } = fromDraft(d);
    expect(problems.get('key')).toBe('required');
    expect(problems.get('sections.0.items.0.scale')).toContain('maxPoints');
    expect(problems.get('sections.0.items.0.critical')).toContain('bonus');
  });
});

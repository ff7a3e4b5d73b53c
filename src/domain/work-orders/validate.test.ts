import { describe, expect, test } from 'vitest';
import { isMarkedUrgent, markUrgent, placeInTitle, resolveCategory, validateOrder } from './validate.ts';

const full = { time: '昨晚23点', place: '3号楼旁', what: '工地夜间施工', demand: '停止夜间施工' };

describe('registration rules', () => {
  test('a complete complaint passes', () => {
    expect(
      validateOrder({
        title: '朝阳区幸福小区 夜间施工噪音扰民',
        location: '朝阳区幸福小区',
        category: 'complaint',
        content: full,
      }),
    ).toEqual([]);
  });
  test('title without the place, and content missing the fields of its category, name each field', () => {
    const issues = validateOrder({ title: '噪音', location: '朝阳区幸福小区', category: 'complaint', content: { what: '施工' } });
    expect(issues.map((i) => i.path)).toEqual(['title', 'content.time', 'content.place', 'content.demand']);
    expect(
      validateOrder({ title: '社保卡补办流程', location: ' ', category: 'consultation', content: { what: '咨询补办' } }).map(
        (i) => i.path,
      ),
    ).toEqual(['location']);
  });
  test('the title needs a summary besides the place (4 characters)', () => {
    expect(
      validateOrder({ title: '朝阳区幸福小区噪音', location: '朝阳区幸福小区', category: 'report', content: full })[0]?.message,
    ).toContain('概括');
    expect(
      validateOrder({ title: '朝阳区幸福小区噪音扰民', location: '朝阳区幸福小区', category: 'report', content: full }),
    ).toEqual([]);
  });
  test('a long place is named by a piece of at least four characters', () => {
    expect(placeInTitle('幸福小区 夜间施工噪音', '北京市朝阳区幸福小区')).toBe('幸福小区');
    expect(placeInTitle('小区 夜间施工噪音', '北京市朝阳区幸福小区')).toBeNull();
    expect(
      validateOrder({ title: '幸福小区 夜间施工噪音', location: '北京市朝阳区幸福小区', category: 'complaint', content: full }),
    ).toEqual([]);
  });
  test('requirements by category: consultation needs only what; report needs no demand', () => {
    expect(
      validateOrder({
        title: '市社保中心 社保卡补办流程',
        location: '市社保中心',
        category: 'consultation',
        content: { what: '如何补办' },
      }),
    ).toEqual([]);
    expect(
      validateOrder({
        title: '和平路88号 违规经营',
        location: '和平路88号',
        category: 'report',
        content: { ...full, demand: '' },
      }),
    ).toEqual([]);
    expect(
      validateOrder({
        title: '和平路88号 增设公交站',
        location: '和平路88号',
        category: 'suggestion',
        content: { what: '无站' },
      }).map((i) => i.path),
    ).toEqual(['content.demand']);
  });
  test('urgent: marked in the title, and only then', () => {
    const d = { location: '中山路', category: 'help' as const, content: full };
    expect(validateOrder({ ...d, title: '中山路 路面塌陷有人受伤', priority: 'urgent' }).map((i) => i.path)).toEqual(['title']);
    expect(validateOrder({ ...d, title: '【急件】中山路 路面塌陷有人受伤', priority: 'urgent' })).toEqual([]);
    expect(validateOrder({ ...d, title: '[急]中山路 路面塌陷有人受伤', priority: 'normal' })[0]?.message).toContain('非急件');
    expect(markUrgent(markUrgent('某路段积水', true), true)).toBe('【急件】某路段积水');
    expect(markUrgent('（急）某路段积水', true)).toBe('【急件】某路段积水');
    expect(markUrgent('【急件】某路段积水', false)).toBe('某路段积水');
    expect([isMarkedUrgent('【急】x'), isMarkedUrgent('急需处理')]).toEqual([true, false]);
  });
  test('between consultation/suggestion and complaint/help it is complaint/help', () => {
    expect(resolveCategory(['consultation', 'complaint'])).toBe('complaint');
    expect(resolveCategory(['suggestion', 'help'])).toBe('help');
    expect(resolveCategory(['consultation'])).toBe('consultation');
    expect(() => resolveCategory([])).toThrow(RangeError);
  });
});

import { expect, test } from 'vitest';
import { parseRosterCsv } from './roster-csv.ts';

const teams = new Map([['一组', 1]]);
const groups = new Map([
  ['政策咨询', 10],
  ['投诉举报', 11],
]);

test('valid rows resolve teams and skills', () => {
  const csv =
    '\uFEFFemployeeNo,name,team,skills,hireDate,contractHoursPerWeek\n1001,张三,一组,政策咨询:4;投诉举报:3,2024-03-01,40\n1002,李四,,,,\n';
  const { rows, problems } = parseRosterCsv(csv, teams, groups);
  expect(problems).toEqual([]);
  expect(rows).toEqual([
    {
      line: 2,
      employeeNo: '1001',
      name: '张三',
      teamId: 1,
      skills: [
        { skillGroupId: 10, proficiency: 4 },
        { skillGroupId: 11, proficiency: 3 },
      ],
      hireDate: '2024-03-01',
      contractHoursPerWeek: 40,
    },
    { line: 3, employeeNo: '1002', name: '李四', teamId: null, skills: [], hireDate: null, contractHoursPerWeek: 40 },
  ]);
});

test('every bad row is reported with its line and field', () => {
  const csv = [
    'employeeNo,name,team,skills,hireDate,contractHoursPerWeek',
    '1001,张三,二组,政策咨询:4,2024-03-01,40',
    ',李四,一组,政策咨询:9,2024-13-01,70',
    '1003,王五,一组,售后:3,,',
    '1003,赵六,一组,,,',
  ].join('\n');
  const { rows, problems } = parseRosterCsv(csv, teams, groups);
  expect(rows.map((r) => r.employeeNo)).toEqual([]);
  expect(problems).toEqual(
    expect.arrayContaining([
      { line: 2, field: 'team', message: 'unknown team "二组"' },
      expect.objectContaining({ line: 3, field: 'employeeNo' }),
      expect.objectContaining({ line: 3, field: 'hireDate' }),
      expect.objectContaining({ line: 3, field: 'contractHoursPerWeek' }),
      { line: 4, field: 'skills', message: 'unknown skill group "售后"' },
      { line: 5, field: 'employeeNo', message: 'duplicate of line 4' },
    ]),
  );
});

test('a missing column is one problem on line 1', () => {
  const { problems } = parseRosterCsv('employeeNo,name\n1,x\n', teams, groups);
  expect(problems).toEqual([
    { line: 1, field: 'team,skills,hireDate,contractHoursPerWeek', message: expect.stringContaining('team') },
  ]);
});

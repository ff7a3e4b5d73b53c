import { expect, test } from 'vitest';
import { importErrorsFromProblem, linesWithErrors } from './roster-errors.ts';
import { skillRowsToBody } from './skills-editor.tsx';

test('a refused import lists its row errors by line, without the "line N:" prefix', () => {
  const errors = importErrorsFromProblem({
    type: 'about:blank',
    title: 'Unprocessable Content',
    status: 422,
    detail: '2 invalid row(s); nothing imported',
    errors: [
      { path: 'skills', line: 5, message: 'line 5: unknown skill group 政策' },
      { path: 'hireDate', line: 3, message: 'line 3: expected YYYY-MM-DD' },
      { path: 'team', line: 3, message: 'line 3: unknown team 九班' },
      { path: 'body.csv', message: 'no line' },
    ],
  });
  expect(errors).toEqual([
    { line: 3, field: 'hireDate', message: 'expected YYYY-MM-DD' },
    { line: 3, field: 'team', message: 'unknown team 九班' },
    { line: 5, field: 'skills', message: 'unknown skill group 政策' },
  ]);
  expect(linesWithErrors(errors)).toBe(2);
});

test('edited skill rows become the API body: blanks dropped, a repeated group keeps its last row', () => {
  expect(
    skillRowsToBody([
      { skillGroupId: '2', proficiency: '4' },
      { skillGroupId: '', proficiency: '3' },
      { skillGroupId: '5', proficiency: '1' },
      { skillGroupId: '2', proficiency: '5' },
    ]),
  ).toEqual([
    { skillGroupId: 2, proficiency: 5 },
    { skillGroupId: 5, proficiency: 1 },
  ]);
});

import { expect, test } from 'vitest';
import { fieldErrors, toProblem } from './problem.ts';

test('a problem+json body is read as sent', () => {
  const p = toProblem(400, 'Bad Request', {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'invalid body',
    errors: [
      { path: 'body.seats', message: 'Too big' },
      { path: 'line:3', message: 'x', line: 3 },
    ],
  });
  expect(p).toEqual({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'invalid body',
    errors: [
      { path: 'body.seats', message: 'Too big' },
      { path: 'line:3', message: 'x', line: 3 },
    ],
  });
});

test('anything else (HTML from a proxy, no body) becomes a problem with the status text', () => {
  expect(toProblem(502, 'Bad Gateway', null)).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  expect(toProblem(500, '', '<html>')).toEqual({ type: 'about:blank', title: 'HTTP 500', status: 500 });
});

test('field errors drop the body./query. prefix, map nested paths to their top field, keep the first message', () => {
  const errors = fieldErrors({
    errors: [
      { path: 'body.name', message: 'Required' },
      { path: 'body.skills.0.proficiency', message: 'Too big' },
      { path: 'body.skills.1.skillGroupId', message: 'second' },
      { path: 'query.limit', message: 'Too small' },
      { path: 'teamId', message: 'unknown team' },
      { path: '', message: 'no field' },
    ],
  });
  expect(errors).toEqual({ name: 'Required', skills: 'Too big', limit: 'Too small', teamId: 'unknown team' });
  expect(fieldErrors(null)).toEqual({});
});

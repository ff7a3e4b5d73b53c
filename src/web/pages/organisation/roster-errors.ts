import type { Problem } from '../../api/problem.ts';
import type { ImportError } from '../../api/types.ts';

/** The roster CSV header the import expects, and an example row, shown on the import page. */
export const ROSTER_HEADER = 'employeeNo,name,team,skills,hireDate,contractHoursPerWeek';
export const ROSTER_EXAMPLE = '1001,张三,一班,政策咨询:4;投诉举报:3,2024-03-01,40';

/**
 * The row errors of a refused import (422 problem, `errors[]` each with `line`), as the dry run lists
 * them: the server words messages "line N: …" for API users; the table has a line column already.
 */
export function importErrorsFromProblem(problem: Problem): ImportError[] {
  return (problem.errors ?? [])
    .filter((e) => typeof e.line === 'number')
    .map((e) => ({ line: e.line as number, field: e.path, message: e.message.replace(/^line \d+:\s*/, '') }))
    .sort((a, b) => a.line - b.line);
}

/** Distinct lines with an error: what "skipped" will be when importing with skipInvalid. */
export function linesWithErrors(errors: readonly ImportError[]): number {
  return new Set(errors.map((e) => e.line)).size;
}

/** One field-level problem: `path` is the dotted field path (`skills.0.proficiency`) or `line:N`. */
export interface FieldProblem {
  path: string;
  message: string;
  line?: number;
}

/**
 * An error that reaches the client as RFC 9457 problem+json. Thrown anywhere in a handler;
 * the app's error handler renders it.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} not found`);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
export const badRequest = (detail: string, errors?: FieldProblem[]) => new HttpProblem(400, 'Bad Request', detail, errors);
export const unprocessable = (detail: string, errors?: FieldProblem[]) =>
  new HttpProblem(422, 'Unprocessable Content', detail, errors);

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };
export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

/** One field problem of an RFC 9457 problem body: `path` is dotted (`body.skills.0.proficiency`). */
export interface FieldProblem {
  path: string;
  message: string;
  line?: number;
}

/** An RFC 9457 problem+json body as the API sends it (every field optional when the body is not one). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a problem from whatever an error response carried. A proxy or a crash may answer with HTML or
 * nothing, so anything that is not a problem object becomes `{ type: 'about:blank', title: statusText }`.
 */
export function toProblem(status: number, statusText: string, body: unknown): Problem {
  if (!isRecord(body)) return { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({
        path: String(e.path ?? ''),
        message: String(e.message ?? ''),
        ...(typeof e.line === 'number' ? { line: e.line } : {}),
      }))
    : undefined;
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : statusText || `HTTP ${status}`,
    status: typeof body.status === 'number' ? body.status : status,
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(errors ? { errors } : {}),
  };
}

/**
 * Field name → first message, for showing beside a form's inputs. The server prefixes paths with where
 * the value came from (`body.`, `query.`); a nested path (`skills.0.proficiency`) belongs to its top
 * field (`skills`), because that is the input the user edits.
 * @example fieldErrors({ errors: [{ path: 'body.seats', message: 'too big' }] }) // { seats: 'too big' }
 */
export function fieldErrors(problem: Pick<Problem, 'errors'> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    const parts = e.path.split('.').filter(Boolean);
    if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
    const field = parts[0] ?? '';
    if (field && !(field in out)) out[field] = e.message;
  }
  return out;
}

import type { Problem } from './problem.ts';

/** A failed API call: the HTTP status, the problem body, and for 429 how long to wait. */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** Seconds from the `retry-after` header (429), null when absent. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

/**
 * Seconds to wait from a `retry-after` header: either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * `nowMs` is passed in so the date form is testable.
 * @example retryAfterSeconds('30', 0) // 30
 */
export function retryAfterSeconds(header: string | null, nowMs: number): number | null {
  if (header == null || header.trim() === '') return null;
  const t = header.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const at = Date.parse(t);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

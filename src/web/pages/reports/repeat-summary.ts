/** A row of `GET /api/v1/reports/repeat-contacts` (src/domain/metrics/repeat-contacts.ts). */
export interface RepeatRow {
  name: string;
  eligible: number;
  repeated: number;
  repeatRate: number | null;
  fcr: number | null;
  censored: number;
}

/**
 * All skill groups (or agents) together: eligible, repeated and censored summed, then repeat rate =
 * repeated / eligible and 一次解决率 FCR = 1 − repeat rate — never the mean of the rows' rates.
 * @example rows 9 of 172 and 31 of 436 repeated → repeat rate 40/608 = 6.58 %, FCR 93.42 %
 */
export function repeatTotal(rows: readonly RepeatRow[]): RepeatRow {
  const eligible = rows.reduce((s, r) => s + r.eligible, 0);
  const repeated = rows.reduce((s, r) => s + r.repeated, 0);
  const censored = rows.reduce((s, r) => s + r.censored, 0);
  const repeatRate = eligible > 0 ? repeated / eligible : null;
  return { name: '', eligible, repeated, censored, repeatRate, fcr: repeatRate === null ? null : 1 - repeatRate };
}

/**
 * Schedule fit (排班契合度) = 1 − Σ|S_i − R_i| / Σ R_i over intervals i, with S_i agents scheduled (working the
 * whole interval, not on a break) and R_i agents required; shown with under- and overstaffed agent-hours apart.
 * Null when nothing is required. Source: the definition; the same form as "schedule efficiency" in
 * workforce-management tools (1 − total absolute deviation / total requirement).
 * @example S = [2, 3, 1], R = [2, 2, 2], 30-minute intervals → fit 1 − 2/6 = 0.667; under 0.5 h, over 0.5 h.
 */
export function scheduleFit(scheduled: readonly number[], required: readonly number[], intervalMinutes: number) {
  let diff = 0;
  let req = 0;
  let under = 0;
  let over = 0;
  for (let i = 0; i < required.length; i++) {
    const s = scheduled[i] ?? 0;
    const r = required[i] ?? 0;
    diff += Math.abs(s - r);
    req += r;
    if (s < r) under += r - s;
    else over += s - r;
  }
  const h = intervalMinutes / 60;
  return { fit: req > 0 ? 1 - diff / req : null, underHours: under * h, overHours: over * h };
}

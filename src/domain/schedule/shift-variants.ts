import type { ShiftTemplate, ShiftVariant } from './types.ts';

export function toMinutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`not a time HH:MM: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Every variant of a template on a date: each start in the window by the step, each split-shift gap, and each
 * break placement on the interval grid within its window (breaks are placed by the shift-design model — the
 * "implicit" placement of Aykin / Bechtold–Jacobs made explicit, which is exact at interval resolution).
 */
export function shiftVariants(t: ShiftTemplate, date: string, intervalMinutes: number): ShiftVariant[] {
  const first = toMinutes(t.earliestStart);
  const last = toMinutes(t.latestStart);
  const step = t.startStepMinutes > 0 ? t.startStepMinutes : intervalMinutes;
  const out: ShiftVariant[] = [];
  for (let start = first; start <= last; start += step) {
    const shapes: { start: number; end: number }[][] = [];
    if (t.segments && t.segments.length === 2) {
      const [a, b] = t.segments as [{ lengthMinutes: number }, { lengthMinutes: number }];
      for (let gap = t.minGapMinutes ?? 60; gap <= (t.maxGapMinutes ?? t.minGapMinutes ?? 60); gap += step) {
        shapes.push([
          { start, end: start + a.lengthMinutes },
          { start: start + a.lengthMinutes + gap, end: start + a.lengthMinutes + gap + b.lengthMinutes },
        ]);
      }
    } else {
      shapes.push([{ start, end: start + (t.lengthMinutes ?? 480) }]);
    }
    for (const segs of shapes) {
      const breakSets: { start: number; end: number; paid: boolean }[][] = [[]];
      for (const b of t.breaks ?? []) {
        const next: typeof breakSets = [];
        for (const set of breakSets) {
          for (let off = b.earliestAfterMinutes; off <= b.latestAfterMinutes; off += intervalMinutes) {
            const bs = start + off;
            if (set.some((x) => bs < x.end && bs + b.lengthMinutes > x.start)) continue;
            next.push([...set, { start: bs, end: bs + b.lengthMinutes, paid: b.paid }]);
          }
        }
        breakSets.splice(0, breakSets.length, ...next);
      }
      for (const breaks of breakSets) {
        const work = segs.reduce((s, g) => s + g.end - g.start, 0);
        const unpaid = breaks.filter((b) => !b.paid).reduce((s, b) => s + b.end - b.start, 0);
        out.push({
          id: `${t.name}@${date}@${segs.map((g) => `${g.start}-${g.end}`).join('+')}@${breaks.map((b) => b.start).join(',')}`,
          template: t.name,
          date,
          segments: segs,
          breaks,
          paidMinutes: work - unpaid,
        });
      }
    }
  }
  return out;
}

/** Intervals (index from the day's midnight; may be ≥ a day's count when the shift crosses midnight) the variant covers: whole interval worked, not on a break. */
export function coveredIntervals(v: ShiftVariant, intervalMinutes: number): number[] {
  const out: number[] = [];
  for (const seg of v.segments) {
    for (let t = Math.ceil(seg.start / intervalMinutes) * intervalMinutes; t + intervalMinutes <= seg.end; t += intervalMinutes) {
      if (v.breaks.some((b) => t < b.end && t + intervalMinutes > b.start)) continue;
      out.push(t / intervalMinutes);
    }
  }
  return out;
}

/** Intervals in which the agent is at a seat: any minute of work in the interval, breaks excluded. */
export function occupiedIntervals(v: ShiftVariant, intervalMinutes: number): number[] {
  const out = new Set<number>();
  for (const seg of v.segments) {
    for (let t = Math.floor(seg.start / intervalMinutes) * intervalMinutes; t < seg.end; t += intervalMinutes) {
      const from = Math.max(t, seg.start);
      const to = Math.min(t + intervalMinutes, seg.end);
      let free = to - from;
      for (const b of v.breaks) free -= Math.max(0, Math.min(to, b.end) - Math.max(from, b.start));
      if (free > 0) out.add(t / intervalMinutes);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * A night shift (夜班): the template says so, or the shift works any minute between 00:00 and 06:00 of a day
 * (it crosses midnight or starts before 06:00).
 * @example a 22:00–07:00 shift → true; 14:00–23:00 → false
 */
export function isNightShift(v: Pick<ShiftVariant, 'segments'>, template?: Pick<ShiftTemplate, 'night'>): boolean {
  if (template?.night !== undefined) return template.night;
  return v.segments.some((s) => s.start < 360 || (s.end > 1440 && s.start < 1440 + 360));
}

/** The variant of a template on a date that starts at 'HH:MM' (the first such), or the template's first variant. */
export function variantStartingAt(
  t: ShiftTemplate,
  date: string,
  intervalMinutes: number,
  start?: string,
): ShiftVariant | undefined {
  const all = shiftVariants(t, date, intervalMinutes);
  if (start === undefined) return all[0];
  const m = toMinutes(start);
  return all.find((v) => Math.min(...v.segments.map((s) => s.start)) === m);
}

import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/** A roster row as the CSV import understands it; see docs/formats.md#roster. */
export interface RosterRow {
  line: number;
  employeeNo: string;
  name: string;
  teamId: number | null;
  skills: { skillGroupId: number; proficiency: number }[];
  hireDate: string | null;
  contractHoursPerWeek: number;
}

export interface RosterProblem {
  line: number;
  field: string;
  message: string;
}

export const ROSTER_HEADER = ['employeeNo', 'name', 'team', 'skills', 'hireDate', 'contractHoursPerWeek'] as const;

const rowSchema = z.object({
  employeeNo: z.string().trim().min(1, 'required').max(30),
  name: z.string().trim().min(1, 'required').max(50),
  team: z.string().trim().max(100),
  skills: z.string().trim(),
  hireDate: z
    .string()
    .trim()
    .refine(
      (s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))),
      'expected YYYY-MM-DD',
    ),
  contractHoursPerWeek: z
    .string()
    .trim()
    .refine((s) => s === '' || (Number.isFinite(Number(s)) && Number(s) >= 0 && Number(s) <= 60), 'expected hours 0–60'),
});

/**
 * Parses a roster CSV (header `employeeNo,name,team,skills,hireDate,contractHoursPerWeek`; skills as
 * `政策咨询:4;投诉举报:3`), resolving team and skill-group names. Returns the valid rows and every problem
 * with its line number (the header is line 1).
 */
export function parseRosterCsv(
  text: string,
  teams: ReadonlyMap<string, number>,
  skillGroups: ReadonlyMap<string, number>,
): { rows: RosterRow[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, field: '', message: `not valid CSV: ${(err as Error).message}` }] };
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const missing = ROSTER_HEADER.filter((h) => !header.includes(h));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [{ line: 1, field: missing.join(','), message: `header lacks column(s): ${missing.join(', ')}` }],
    };
  }
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const raw = Object.fromEntries(header.map((h, j) => [h, cells[j] ?? '']));
    const r = rowSchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) problems.push({ line, field: String(issue.path[0] ?? ''), message: issue.message });
      return;
    }
    const v = r.data;
    const before = problems.length;
    const prev = seen.get(v.employeeNo);
    if (prev) problems.push({ line, field: 'employeeNo', message: `duplicate of line ${prev}` });
    seen.set(v.employeeNo, line);
    let teamId: number | null = null;
    if (v.team !== '') {
      const id = teams.get(v.team);
      if (id == null) problems.push({ line, field: 'team', message: `unknown team "${v.team}"` });
      else teamId = id;
    }
    const skills: RosterRow['skills'] = [];
    for (const part of v.skills
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(.+?)[:：]([1-5])$/.exec(part);
      if (!m) {
        problems.push({ line, field: 'skills', message: `"${part}" is not name:proficiency (1–5)` });
        continue;
      }
      const id = skillGroups.get(m[1].trim());
      if (id == null) problems.push({ line, field: 'skills', message: `unknown skill group "${m[1].trim()}"` });
      else skills.push({ skillGroupId: id, proficiency: Number(m[2]) });
    }
    if (problems.length > before) return;
    rows.push({
      line,
      employeeNo: v.employeeNo,
      name: v.name,
      teamId,
      skills,
      hireDate: v.hireDate === '' ? null : v.hireDate,
      contractHoursPerWeek: v.contractHoursPerWeek === '' ? 40 : Number(v.contractHoursPerWeek),
    });
  });
  return { rows, problems };
}

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { type ControlChart, cChart, pChart, type Sample, uChart, xmrChart } from '../../domain/quality/control-charts.ts';
import { ALPHA_LEVELS, type AlphaLevel, krippendorffAlpha, reliabilityMatrix } from '../../domain/quality/krippendorff-alpha.ts';
import { runRules } from '../../domain/quality/run-rules.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';

const CHART_TYPES = ['xmr', 'p', 'u', 'c'] as const;
type ChartType = (typeof CHART_TYPES)[number];

interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** Reads a CSV with a header line; every row carries its line number for error messages. */
function readCsv(file: string, header: readonly string[]): CsvRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let records: Array<{ info: { lines: number }; record: string[] }>;
  try {
    // csv-parse's typings do not model `info: true`, which wraps each record with its line count.
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new CliError(`${file}:${(err as { lines?: number }).lines ?? 1}: not valid CSV: ${(err as Error).message}`);
  }
  const names = (records[0]?.record ?? []).map((h) => h.trim());
  const missing = header.filter((h) => !names.includes(h));
  if (missing.length > 0) {
    throw new CliError(`${file}:1: header must contain ${header.join(',')}; missing ${missing.join(', ')}`);
  }
  return records.slice(1).map(({ info, record }) => ({
    line: info.lines,
    cells: Object.fromEntries(names.map((h, j) => [h, (record[j] ?? '').trim()])),
  }));
}

const number = z
  .string()
  .min(1, 'required')
  .refine((s) => Number.isFinite(Number(s)), 'expected a number')
  .transform(Number);
const count = number.refine((n) => Number.isInteger(n) && n >= 0, 'expected a whole number ≥ 0');

/** Parses one row with a zod schema; the error names file, line and field. */
function row<T>(file: string, r: CsvRow, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(r.cells);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new CliError(`${file}:${r.line}: ${String(issue.path[0] ?? '')}: ${issue.message}`);
}

function alphaCommand(file: string, opts: { level: string; json?: boolean }): void {
  if (!ALPHA_LEVELS.includes(opts.level as AlphaLevel)) {
    throw new CliError(`--level: expected one of ${ALPHA_LEVELS.join(', ')}, got "${opts.level}"`);
  }
  const level = opts.level as AlphaLevel;
  const rows = readCsv(file, ['unit', 'coder', 'value']);
  const key = z.string().min(1, 'required');
  // Nominal values may be labels (e.g. 合格/不合格): when any value is not a number, every value is taken as a
  // label and coded in order of appearance (nominal α only asks whether two values are equal).
  const asLabels = level === 'nominal' && rows.some((r) => r.cells.value !== '' && !Number.isFinite(Number(r.cells.value)));
  const labels = new Map<string, number>();
  const seen = new Map<string, number>();
  const records = rows.map((r) => {
    const { unit, coder, value } = row(file, r, z.object({ unit: key, coder: key, value: z.string() }));
    const pair = JSON.stringify([unit, coder]);
    if (seen.has(pair))
      throw new CliError(`${file}:${r.line}: unit ${unit}, coder ${coder} already given on line ${seen.get(pair)}`);
    seen.set(pair, r.line);
    if (value === '') return { unit, coder, value: null };
    if (asLabels) {
      if (!labels.has(value)) labels.set(value, labels.size);
      return { unit, coder, value: labels.get(value)! };
    }
    const n = Number(value);
    if (!Number.isFinite(n)) throw new CliError(`${file}:${r.line}: value: expected a number for ${level} data, got "${value}"`);
    if (level === 'ratio' && n < 0) throw new CliError(`${file}:${r.line}: value: ratio data cannot be negative (${value})`);
    return { unit, coder, value: n };
  });
  const r = krippendorffAlpha(reliabilityMatrix(records).data, level);
  const result = { alpha: r.alpha, units: r.units, coders: r.coders, pairable: r.pairable };
  if (opts.json) printJson(result);
  else {
    const alpha = r.alpha === null ? 'undefined (no pairable variation)' : r.alpha.toFixed(4);
    process.stdout.write(
      `Krippendorff's α (${level}) = ${alpha}\nunits ${r.units} (${r.pairableUnits} with ≥ 2 values), coders ${r.coders}, pairable values n = ${r.pairable}\n`,
    );
  }
}

function integerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${name}: expected a whole number ≥ 1, got "${value}"`);
  return n;
}

function buildChart(file: string, type: ChartType, baseline: number | undefined): { chart: ControlChart; mr?: ControlChart } {
  const header = type === 'xmr' ? ['value'] : type === 'c' ? ['count'] : ['defects', 'size'];
  const rows = readCsv(file, header);
  const minimum = type === 'xmr' ? 2 : 1;
  if (rows.length < minimum) throw new CliError(`${file}: a ${type} chart needs at least ${minimum} row(s), got ${rows.length}`);
  if (baseline !== undefined && (baseline > rows.length || (type === 'xmr' && baseline < 2))) {
    throw new CliError(`--baseline: must be between ${type === 'xmr' ? 2 : 1} and the ${rows.length} rows`);
  }
  const options = { baseline };
  if (type === 'xmr') {
    const values = rows.map((r) => row(file, r, z.object({ value: number })).value);
    const { individuals, movingRange } = xmrChart(values, options);
    return { chart: individuals, mr: movingRange };
  }
  if (type === 'c')
    return {
      chart: cChart(
        rows.map((r) => row(file, r, z.object({ count })).count),
        options,
      ),
    };
  const sampleSchema = z.object({
    defects: type === 'p' ? count : number.refine((n) => n >= 0, 'expected ≥ 0'),
    size: number.refine((n) => n > 0, 'expected > 0'),
  });
  const samples: Sample[] = rows.map((r) => {
    const s = row(file, r, sampleSchema);
    if (type === 'p' && s.defects > s.size) throw new CliError(`${file}:${r.line}: defects: ${s.defects} exceeds size ${s.size}`);
    return s;
  });
  return { chart: type === 'p' ? pChart(samples, options) : uChart(samples, options) };
}

function chartCommand(file: string, opts: { type: string; runLength?: string; baseline?: string; json?: boolean }): void {
  if (!CHART_TYPES.includes(opts.type as ChartType))
    throw new CliError(`--type: expected one of ${CHART_TYPES.join(', ')}, got "${opts.type}"`);
  const runLength = integerOption('--run-length', opts.runLength) ?? 8;
  if (runLength < 2) throw new CliError('--run-length: must be at least 2');
  const { chart, mr } = buildChart(file, opts.type as ChartType, integerOption('--baseline', opts.baseline));
  const signals = runRules(chart.points, { runLength });
  if (opts.json) {
    printJson({
      center: chart.center,
      lcl: chart.lcl,
      ucl: chart.ucl,
      points: chart.points.map((p) => ({ value: p.value, lcl: p.lcl, ucl: p.ucl })),
      signals: signals.map((s) => ({ index: s.index, rule: s.rule })),
    });
    return;
  }
  const f = (x: number) => x.toFixed(6).replace(/\.?0+$/, '');
  const lines = [
    `${opts.type} chart: centre ${f(chart.center)}, LCL ${f(chart.lcl)}, UCL ${f(chart.ucl)} (${chart.points.length} points, limits from ${chart.baseline})`,
  ];
  if (mr) lines.push(`moving range: MR̄ ${f(mr.center)}, UCL ${f(mr.ucl)}`);
  if (signals.length === 0) lines.push('no run-rule signals');
  for (const s of signals)
    lines.push(`point ${s.index} (row ${s.index + 1}): rule ${s.rule}, ${s.side}, points ${s.indices.join(',')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function register(program: Command): void {
  const qa = program.command('qa').description('质检 quality evaluation: calibration reliability and control charts');
  qa.command('alpha')
    .description("Krippendorff's alpha of a calibration CSV with header unit,coder,value (an empty value is missing)")
    .argument('<file>', 'CSV file: one row per (unit, coder) score')
    .requiredOption('--level <level>', `level of measurement: ${ALPHA_LEVELS.join('|')}`)
    .option('--json', 'print { alpha, units, coders, pairable } as JSON')
    .action((file: string, opts: { level: string; json?: boolean }) => alphaCommand(file, opts));
  qa.command('chart')
    .description('control chart with Western Electric run rules; CSV columns value (xmr), defects,size (p, u) or count (c)')
    .argument('<file>', 'CSV file, one row per point in time order')
    .requiredOption('--type <type>', `chart type: ${CHART_TYPES.join('|')}`)
    .option('--run-length <n>', 'points in a row on one side of the centre for rule 4 (default 8)')
    .option('--baseline <n>', 'compute the limits from the first n rows only (phase I); default all rows')
    .option('--json', 'print { center, lcl, ucl, points, signals } as JSON (0-based indices)')
    .action((file: string, opts: { type: string; runLength?: string; baseline?: string; json?: boolean }) =>
      chartCommand(file, opts),
    );
}

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { forecast } from '../../domain/forecast/forecast.ts';
import { MODEL_NAMES, type ModelName } from '../../domain/forecast/models.ts';
import { HistoryError, type HistoryPoint, toDaySeries } from '../../domain/forecast/series.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';

/**
 * Reads `timestamp,offered[,aht_seconds]`; every bad row is an error naming its line. Returns the points and the
 * file line of each (for errors found later, such as a duplicated interval).
 */
export function readHistoryCsv(file: string): HistoryPoint[] & { lines?: number[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`${file}: cannot read the file`);
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true, info: true });
  } catch (err) {
    throw new CliError(`${file}: not valid CSV: ${(err as Error).message}`);
  }
  const points: HistoryPoint[] & { lines?: number[] } = [];
  const lines: number[] = [];
  for (const { record, info } of records) {
    lines.push(info.lines);
    const where = `${file}:${info.lines}`;
    if (!('timestamp' in record) || !('offered' in record))
      throw new CliError(`${where}: the header needs columns timestamp and offered`);
    const ts = DateTime.fromISO(record.timestamp ?? '', { setZone: true });
    if (!ts.isValid || !/([+-]\d{2}:?\d{2}|Z)$/.test(record.timestamp ?? ''))
      throw new CliError(`${where}: timestamp: expected ISO 8601 with offset, got "${record.timestamp}"`);
    const offered = Number(record.offered);
    if (record.offered === '' || !Number.isFinite(offered) || offered < 0)
      throw new CliError(`${where}: offered: expected a number ≥ 0, got "${record.offered}"`);
    const aht = record.aht_seconds === undefined || record.aht_seconds === '' ? null : Number(record.aht_seconds);
    if (aht !== null && !(aht > 0))
      throw new CliError(`${where}: aht_seconds: expected a positive number, got "${record.aht_seconds}"`);
    points.push({ intervalStart: ts.toMillis(), offered, ahtSeconds: aht });
  }
  points.lines = lines;
  return points;
}

export function register(program: Command): void {
  program
    .command('forecast')
    .description('forecast calls and handle time per interval from a history CSV (timestamp,offered[,aht_seconds])')
    .requiredOption('--history <file>', 'history CSV')
    .option('--interval-minutes <n>', 'interval length', '30')
    .option('--horizon-days <n>', 'days to forecast after the history ends', '14')
    .option('--model <name>', `auto | ${MODEL_NAMES.join(' | ')}`, 'auto')
    .option('--time-zone <zone>', 'center time zone', 'Asia/Shanghai')
    .option('--backtest', 'print the backtest table only')
    .option('--json', 'print JSON')
    .action(
      (o: {
        history: string;
        intervalMinutes: string;
        horizonDays: string;
        model: string;
        timeZone: string;
        backtest?: boolean;
        json?: boolean;
      }) => {
        const interval = Number(o.intervalMinutes);
        const horizon = Number(o.horizonDays);
        if (!Number.isInteger(interval) || interval <= 0 || 1440 % interval !== 0)
          throw new CliError(`--interval-minutes: must divide a day, got "${o.intervalMinutes}"`);
        if (!Number.isInteger(horizon) || horizon < 1 || horizon > 92)
          throw new CliError(`--horizon-days: 1 to 92, got "${o.horizonDays}"`);
        if (o.model !== 'auto' && !(MODEL_NAMES as readonly string[]).includes(o.model))
          throw new CliError(`--model: auto or one of ${MODEL_NAMES.join(', ')}`);
        if (!DateTime.now().setZone(o.timeZone).isValid) throw new CliError(`--time-zone: unknown zone "${o.timeZone}"`);
        const points = readHistoryCsv(o.history);
        let result: ReturnType<typeof forecast>;
        try {
          result = forecast(toDaySeries(points, interval, o.timeZone), {
            horizonDays: horizon,
            model: o.model as ModelName | 'auto',
          });
        } catch (err) {
          if (err instanceof HistoryError)
            throw new CliError(
              `${o.history}${err.index !== undefined ? `:${points.lines?.[err.index] ?? err.index + 2}` : ''}: ${err.message}`,
            );
          throw err;
        }
        if (result.fallback) process.stderr.write(`zuoxi: ${result.fallback}\n`);
        if (result.specialDaysByRegression.length)
          process.stderr.write(
            `zuoxi: ${result.model} cannot see holidays; ${result.specialDaysByRegression.join(', ')} forecast by the calendar regression\n`,
          );
        if (o.backtest) {
          if (o.json) printJson(result.backtest);
          else {
            const p = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`).padStart(8);
            process.stdout.write(`model          interval WAPE  daily WAPE\n`);
            for (const b of result.backtest)
              process.stdout.write(
                `${b.model.padEnd(14)} ${p(b.wape)}      ${p(b.dailyWape)}${b.model === result.model ? '  ← chosen' : ''}\n`,
              );
          }
          return;
        }
        if (o.json) printJson(result);
        else {
          process.stdout.write(`model ${result.model}\n`);
          for (const i of result.intervals)
            process.stdout.write(`${i.intervalStart}\t${i.offered.toFixed(1)}\t${i.ahtSeconds?.toFixed(0) ?? ''}\n`);
        }
      },
    );
}

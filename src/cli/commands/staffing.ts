import type { Command } from 'commander';
import { z } from 'zod';
import {
  evaluateStaffing,
  requiredAgents,
  type StaffingProblem,
  type StaffingTargets,
  scheduledPositions,
  type TargetName,
} from '../../domain/erlang/staffing.ts';
import { offeredTraffic, type QueueMetrics } from '../../domain/erlang/traffic.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';

interface StaffingOptions {
  calls?: string;
  intervalSeconds: string;
  ahtSeconds?: string;
  model: string;
  patienceSeconds?: string;
  slTarget?: string;
  slSeconds: string;
  asaSeconds?: string;
  maxAbandon?: string;
  maxOccupancy?: string;
  shrinkage: string;
  agents?: string;
  json?: boolean;
}

/** Parses one numeric option with zod; the error names the option. */
export function numberOption(name: string, value: string | undefined, schema: z.ZodType<number, number>): number | undefined {
  if (value === undefined) return undefined;
  const parsed = z
    .string()
    .trim()
    .min(1, 'a number is required')
    .refine((s) => Number.isFinite(Number(s)), 'expected a number')
    .transform(Number)
    .pipe(schema)
    .safeParse(value);
  if (!parsed.success) throw new CliError(`--${name}: ${parsed.error.issues[0]?.message ?? 'invalid'} (got "${value}")`);
  return parsed.data;
}

export function required<T>(name: string, value: T | undefined): T {
  if (value === undefined) throw new CliError(`--${name} is required`);
  return value;
}

const positive = z.number().positive('must be > 0');
const share = z.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1');

export interface StaffingOutput extends QueueMetrics {
  model: 'c' | 'a';
  positions: number;
  fractionalAgents: number | null;
  shrinkage: number;
  binding: TargetName[];
}

/** Runs `zuoxi staffing` on parsed options and returns the JSON object it prints. */
export function staffingCommand(opts: StaffingOptions): StaffingOutput {
  if (opts.model !== 'c' && opts.model !== 'a')
    throw new CliError(`--model: expected c (Erlang C) or a (Erlang A), got "${opts.model}"`);
  const model = opts.model;
  const calls = required('calls', numberOption('calls', opts.calls, z.number().min(0, 'must be ≥ 0')));
  const intervalSeconds = numberOption('interval-seconds', opts.intervalSeconds, positive) as number;
  const ahtSeconds = required('aht-seconds', numberOption('aht-seconds', opts.ahtSeconds, positive));
  const slSeconds = numberOption('sl-seconds', opts.slSeconds, z.number().min(0, 'must be ≥ 0')) as number;
  const shrinkage = numberOption(
    'shrinkage',
    opts.shrinkage,
    z.number().min(0, 'must be in [0, 1)').lt(1, 'must be in [0, 1)'),
  ) as number;
  const patienceSeconds = numberOption('patience-seconds', opts.patienceSeconds, positive);
  if (model === 'a' && patienceSeconds === undefined)
    throw new CliError('--patience-seconds is required with --model a (Erlang A)');
  if (model === 'c' && patienceSeconds !== undefined)
    throw new CliError('--patience-seconds needs --model a: Erlang C assumes callers never hang up');
  const targets: StaffingTargets = {
    serviceLevel: numberOption('sl-target', opts.slTarget, share),
    maxAsaSeconds: numberOption('asa-seconds', opts.asaSeconds, positive),
    maxAbandonRate: numberOption(
      'max-abandon',
      opts.maxAbandon,
      z.number().gt(0, 'must be in (0, 1]').max(1, 'must be in (0, 1]'),
    ),
    maxOccupancy: numberOption(
      'max-occupancy',
      opts.maxOccupancy,
      z.number().gt(0, 'must be in (0, 1]').max(1, 'must be in (0, 1]'),
    ),
  };
  for (const k of Object.keys(targets) as TargetName[]) if (targets[k] === undefined) delete targets[k];
  const agents = numberOption('agents', opts.agents, z.number().int('must be a whole number').min(0, 'must be ≥ 0'));
  const problem: StaffingProblem = {
    model,
    traffic: offeredTraffic(calls, ahtSeconds, intervalSeconds),
    ahtSeconds,
    slSeconds,
    patienceSeconds,
  };

  if (agents !== undefined) {
    if (Object.keys(targets).length > 0)
      throw new CliError('give either --agents (evaluate a staffing) or targets (find the staffing), not both');
    const e = evaluateStaffing(problem, agents);
    if (!e.defined) throw new CliError(`--agents: ${e.reason}`);
    const { defined: _d, ...m } = e;
    return { model, ...m, positions: scheduledPositions(agents, shrinkage), fractionalAgents: null, shrinkage, binding: [] };
  }
  if (Object.keys(targets).length === 0) {
    throw new CliError('give a target (--sl-target, --asa-seconds, --max-abandon, --max-occupancy) or --agents N to evaluate');
  }
  let r: ReturnType<typeof requiredAgents>;
  try {
    r = requiredAgents(problem, targets);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  return {
    model,
    ...r.metrics,
    positions: scheduledPositions(r.agents, shrinkage),
    fractionalAgents: r.fractionalAgents,
    shrinkage,
    binding: r.binding,
  };
}

function printTable(o: StaffingOutput): void {
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  const lines = [
    `model 模型                 Erlang ${o.model.toUpperCase()}`,
    `traffic 话务量              ${o.traffic.toFixed(3)} Erlangs`,
    `agents 在线座席             ${o.agents}${o.fractionalAgents !== null ? ` (fractional ${o.fractionalAgents.toFixed(2)})` : ''}`,
    `positions 排班人数          ${o.positions} (shrinkage ${pct(o.shrinkage)})`,
    `service level 服务水平      ${pct(o.serviceLevel)} within ${o.slSeconds} s`,
    `ASA 平均应答速度            ${o.asaSeconds.toFixed(2)} s`,
    `P(wait) 排队概率            ${pct(o.pWait)}`,
    `P(abandon) 放弃率           ${pct(o.pAbandon)}`,
    `occupancy 利用率            ${pct(o.occupancy)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function register(program: Command): void {
  program
    .command('staffing')
    .description('人力需求 required agents for one interval by Erlang C or Erlang A, or the figures of a given staffing')
    .option('--calls <n>', 'calls offered in the interval')
    .option('--interval-seconds <s>', 'interval length in seconds', '1800')
    .option('--aht-seconds <s>', 'average handle time (talk + hold + after-call work), seconds')
    .option('--model <c|a>', 'c = Erlang C (callers never hang up), a = Erlang A (exponential patience)', 'c')
    .option('--patience-seconds <s>', 'mean caller patience in seconds (Erlang A only)')
    .option('--sl-target <share>', 'target service level, e.g. 0.8 for 80 % answered within --sl-seconds')
    .option('--sl-seconds <s>', 'service-level threshold T in seconds', '20')
    .option('--asa-seconds <s>', 'target: maximum average speed of answer, seconds')
    .option('--max-abandon <share>', 'target: maximum share of callers who hang up (Erlang A), e.g. 0.05')
    .option('--max-occupancy <share>', 'target: maximum agent occupancy, e.g. 0.85')
    .option('--shrinkage <share>', 'share of paid time off the phones; positions = ceil(agents / (1 − shrinkage))', '0')
    .option('--agents <n>', 'evaluate this many agents instead of searching for the least meeting the targets')
    .option('--json', 'print one JSON object')
    .action((opts: StaffingOptions) => {
      const out = staffingCommand(opts);
      if (opts.json) printJson(out);
      else printTable(out);
    });
}

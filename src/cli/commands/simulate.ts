import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import type { DurationModel, SimulationInput } from '../../domain/simulation/model.ts';
import { simulateReplications } from '../../domain/simulation/replications.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';
import { numberOption, required } from './staffing.ts';

interface SimulateOptions {
  plan?: string;
  calls?: string;
  agents?: string;
  intervals?: string;
  intervalSeconds: string;
  ahtSeconds?: string;
  handleCv?: string;
  acwSeconds?: string;
  patienceSeconds?: string;
  slSeconds: string;
  replications: string;
  seed: string;
  json?: boolean;
}

const duration = z.union([
  z.object({ distribution: z.literal('exponential'), meanSeconds: z.number().min(0) }),
  z.object({ distribution: z.literal('lognormal'), meanSeconds: z.number().positive(), cv: z.number().positive() }),
]);

/** A multi-skill plan file: the simulation input as JSON (patience null = callers never hang up). */
const planSchema = z.object({
  intervalSeconds: z.number().positive(),
  slSeconds: z.number().min(0).optional(),
  queues: z
    .array(
      z.object({
        name: z.string().min(1),
        callsPerInterval: z.array(z.number().min(0)).min(1),
        talk: duration,
        acw: duration.optional(),
        patienceSeconds: z.number().positive().nullable(),
        agentsPerInterval: z.array(z.number().int().min(0)).optional(),
      }),
    )
    .min(1),
  agents: z
    .array(
      z.object({
        skills: z.array(z.object({ queue: z.string().min(1), priority: z.number().int().min(1) })).min(1),
        shifts: z.array(z.object({ startSeconds: z.number().min(0), endSeconds: z.number().min(0) })),
      }),
    )
    .optional(),
});

function readPlan(file: string): { input: SimulationInput; slSeconds?: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`${file}: cannot read JSON (${(err as Error).message})`);
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const p = parsed.data;
  const names = new Set(p.queues.map((q) => q.name));
  for (const [i, a] of (p.agents ?? []).entries()) {
    for (const s of a.skills)
      if (!names.has(s.queue)) throw new CliError(`${file}: agents.${i}.skills: "${s.queue}" is not one of the queues`);
  }
  return {
    input: {
      intervalSeconds: p.intervalSeconds,
      queues: p.queues.map((q) => ({ ...q, patienceSeconds: q.patienceSeconds ?? Number.POSITIVE_INFINITY })),
      agents: p.agents,
    },
    slSeconds: p.slSeconds,
  };
}

/** "100" or "100,120,95" → per-interval numbers; a single value is repeated over `intervals`. */
function listOption(name: string, value: string, intervals: number | undefined, whole: boolean): number[] {
  const parts = value.split(',').map((s, i) => {
    const n = Number(s.trim());
    if (s.trim() === '' || !Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n))) {
      throw new CliError(`--${name}: item ${i + 1} ("${s}") must be a ${whole ? 'whole ' : ''}number ≥ 0`);
    }
    return n;
  });
  if (parts.length === 1) return Array.from({ length: intervals ?? 1 }, () => parts[0] as number);
  if (intervals !== undefined && parts.length !== intervals)
    throw new CliError(`--${name}: ${parts.length} values for ${intervals} intervals`);
  return parts;
}

function singleQueue(opts: SimulateOptions): SimulationInput {
  const intervals = numberOption('intervals', opts.intervals, z.number().int('must be a whole number').min(1, 'must be ≥ 1'));
  const calls = listOption('calls', required('calls', opts.calls), intervals, false);
  const agents = listOption('agents', required('agents', opts.agents), intervals ?? calls.length, true);
  if (agents.length !== calls.length) throw new CliError(`--agents: ${agents.length} values but --calls has ${calls.length}`);
  const aht = required('aht-seconds', numberOption('aht-seconds', opts.ahtSeconds, z.number().positive('must be > 0')));
  const cv = numberOption('handle-cv', opts.handleCv, z.number().positive('must be > 0'));
  const acw = numberOption('acw-seconds', opts.acwSeconds, z.number().min(0, 'must be ≥ 0')) ?? 0;
  if (acw >= aht) throw new CliError('--acw-seconds must be less than --aht-seconds (AHT includes ACW)');
  const talk: DurationModel =
    cv === undefined
      ? { distribution: 'exponential', meanSeconds: aht - acw }
      : { distribution: 'lognormal', meanSeconds: aht - acw, cv };
  return {
    intervalSeconds: numberOption('interval-seconds', opts.intervalSeconds, z.number().positive('must be > 0')) as number,
    queues: [
      {
        name: 'queue',
        callsPerInterval: calls,
        talk,
        acw: acw > 0 ? { distribution: 'exponential', meanSeconds: acw } : undefined,
        patienceSeconds:
          numberOption('patience-seconds', opts.patienceSeconds, z.number().positive('must be > 0')) ?? Number.POSITIVE_INFINITY,
        agentsPerInterval: agents,
      },
    ],
  };
}

/** Runs `zuoxi simulate` and returns the JSON it prints. */
export function simulateCommand(opts: SimulateOptions) {
  const replications = numberOption(
    'replications',
    opts.replications,
    z.number().int('must be a whole number').min(2, 'must be ≥ 2 for a confidence interval'),
  ) as number;
  const seed = numberOption('seed', opts.seed, z.number().int('must be a whole number')) as number;
  let slSeconds = numberOption('sl-seconds', opts.slSeconds, z.number().min(0, 'must be ≥ 0')) as number;
  let input: SimulationInput;
  if (opts.plan) {
    if (opts.calls || opts.agents)
      throw new CliError('give either --plan FILE (multi-skill) or --calls/--agents (one queue), not both');
    const plan = readPlan(opts.plan);
    input = plan.input;
    slSeconds = plan.slSeconds ?? slSeconds;
  } else input = singleQueue(opts);
  const result = simulateReplications(input, { replications, seed, slSeconds });
  return { replications, seed, slSeconds, intervalSeconds: input.intervalSeconds, confidence: 0.95, ...result };
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description(
      '排队仿真 discrete-event simulation of a day of intervals (one queue, or several skill groups with --plan), replicated for 95 % confidence intervals',
    )
    .option(
      '--plan <file.json>',
      'multi-skill plan: { intervalSeconds, slSeconds?, queues: [{ name, callsPerInterval, talk, acw?, patienceSeconds|null, agentsPerInterval? }], agents?: [{ skills: [{ queue, priority }], shifts: [{ startSeconds, endSeconds }] }] }',
    )
    .option('--calls <list>', 'one queue: expected calls per interval, comma-separated (one value = the same every interval)')
    .option('--agents <list>', 'one queue: agents logged in per interval, comma-separated (one value = the same every interval)')
    .option('--intervals <n>', 'number of intervals when --calls and --agents are single values (default 1)')
    .option('--interval-seconds <s>', 'interval length in seconds', '1800')
    .option('--aht-seconds <s>', 'average handle time (talk + after-call work), seconds')
    .option('--handle-cv <cv>', 'coefficient of variation of talk time: lognormal talk times (default exponential)')
    .option('--acw-seconds <s>', 'mean after-call work (exponential), part of the AHT', '0')
    .option('--patience-seconds <s>', 'mean caller patience, exponential (default: callers never hang up)')
    .option('--sl-seconds <s>', 'service-level threshold T in seconds', '20')
    .option('--replications <n>', 'independent replications (≥ 2)', '10')
    .option('--seed <n>', 'random seed; the same seed gives the same figures', '1')
    .option('--json', 'print JSON (the only output form)')
    .action((opts: SimulateOptions) => printJson(simulateCommand(opts)));
}

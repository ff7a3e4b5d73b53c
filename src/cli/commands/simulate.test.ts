import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../testing.ts';

const run = (args: string[]) => runCli(['simulate', ...args]);

describe('zuoxi simulate', () => {
  test('one queue: per-interval and total figures with confidence intervals, reproducible by seed', async () => {
    const args = [
      '--calls',
      '100,100,120',
      '--agents',
      '14,14,15',
      '--aht-seconds',
      '180',
      '--patience-seconds',
      '300',
      '--replications',
      '5',
      '--seed',
      '7',
      '--json',
    ];
    const r = await run(args);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.intervals).toHaveLength(3);
    const total = o.totals[0];
    expect(total.serviceLevel.replications).toBe(5);
    expect(total.serviceLevel.mean).toBeGreaterThan(0.7);
    expect(total.serviceLevel.halfWidth).toBeGreaterThan(0);
    expect((await run(args)).out).toBe(r.out);
  });

  test('multi-skill plan file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-sim-'));
    const file = join(dir, 'plan.json');
    writeFileSync(
      file,
      JSON.stringify({
        intervalSeconds: 1800,
        queues: [
          {
            name: 'policy',
            callsPerInterval: [80, 80],
            talk: { distribution: 'lognormal', meanSeconds: 210, cv: 0.7 },
            patienceSeconds: 150,
          },
          {
            name: 'complaint',
            callsPerInterval: [20, 20],
            talk: { distribution: 'exponential', meanSeconds: 390 },
            patienceSeconds: null,
          },
        ],
        agents: Array.from({ length: 16 }, (_, i) => ({
          skills:
            i < 10
              ? [{ queue: 'policy', priority: 1 }]
              : [
                  { queue: 'complaint', priority: 1 },
                  { queue: 'policy', priority: 2 },
                ],
          shifts: [{ startSeconds: 0, endSeconds: 3600 }],
        })),
      }),
    );
    const r = await run(['--plan', file, '--replications', '3', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.totals.map((t: { queue: string }) => t.queue)).toEqual(['policy', 'complaint']);
    writeFileSync(
      file,
      JSON.stringify({
        intervalSeconds: 1800,
        queues: [
          { name: 'q', callsPerInterval: [-1], talk: { distribution: 'exponential', meanSeconds: 1 }, patienceSeconds: null },
        ],
      }),
    );
    const bad = await run(['--plan', file]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/queues\.0\.callsPerInterval\.0/);
  });

  test('bad input names the option', async () => {
    const r = await run(['--calls', '100,x', '--agents', '14', '--aht-seconds', '180']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--calls: item 2/);
    expect((await run(['--calls', '100', '--aht-seconds', '180'])).err).toMatch(/--agents is required/);
    expect((await run(['--calls', '100', '--agents', '2.5', '--aht-seconds', '180'])).err).toMatch(/--agents/);
  });
});

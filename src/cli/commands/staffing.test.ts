import { afterEach, describe, expect, test, vi } from 'vitest';
import { runCli as run } from '../testing.ts';

const base = ['staffing', '--calls', '100', '--interval-seconds', '1800', '--aht-seconds', '180', '--sl-seconds', '20'];

describe('zuoxi staffing', () => {
  afterEach(() => vi.restoreAllMocks());

  test('Erlang C reference: 14 agents, 20 positions', async () => {
    const r = await run([...base, '--sl-target', '0.8', '--max-occupancy', '0.85', '--shrinkage', '0.3', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ model: 'c', agents: 14, positions: 20, pAbandon: 0 });
    expect(o.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(o.pWait).toBeCloseTo(0.174132, 6);
    expect(o.asaSeconds).toBeCloseTo(7.836, 3);
    expect(o.occupancy).toBeCloseTo(0.714286, 6);
  });

  test('Erlang A evaluation of 14 agents', async () => {
    const r = await run([...base, '--model', 'a', '--patience-seconds', '300', '--agents', '14', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.agents).toBe(14);
    expect(o.pWait).toBeCloseTo(0.14526, 6);
    expect(o.pAbandon).toBeCloseTo(0.013984, 6);
    expect(o.serviceLevel).toBeCloseTo(0.916792, 6);
    expect(o.occupancy).toBeCloseTo(0.704297, 6);
  });

  test('Erlang A with an abandonment cap', async () => {
    const r = await run([
      'staffing',
      '--calls',
      '3000',
      '--aht-seconds',
      '300',
      '--sl-target',
      '0.8',
      '--model',
      'a',
      '--patience-seconds',
      '60',
      '--max-abandon',
      '0.05',
      '--json',
    ]);
    expect(JSON.parse(r.out).agents).toBe(481);
  });

  test('bad input exits 2 with a message naming the option', async () => {
    expect((await run(base)).code).toBe(2); // no target and no --agents
    const bad = await run([...base, '--sl-target', '80']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--sl-target/);
    const unstable = await run([...base, '--agents', '10']);
    expect(unstable.code).toBe(2);
    expect(unstable.err).toMatch(/undefined/);
    expect((await run([...base, '--sl-target', '0.8', '--model', 'a'])).err).toMatch(/--patience-seconds/);
    expect((await run([...base, '--sl-target', '0.8', '--model', 'x'])).code).toBe(2);
  });

  test('prints a readable table without --json', async () => {
    const r = await run([...base, '--sl-target', '0.8']);
    expect(r.out).toMatch(/agents 在线座席\s+14/);
  });
});

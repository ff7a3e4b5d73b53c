import { expect, test } from 'vitest';
import { calculatorWarnings, DEFAULT_FORM, solveRequest } from './calculator-form.ts';
import type { SolveAnswer } from './staffing-types.ts';

test("the default form is the issue's reference case, in shares", () => {
  expect(solveRequest(DEFAULT_FORM)).toEqual({
    calls: 100,
    intervalSeconds: 1800,
    ahtSeconds: 180,
    model: 'c',
    patienceSeconds: undefined,
    targets: { serviceLevel: 0.8, slSeconds: 20 },
    shrinkage: 0.3,
    agents: undefined,
  });
});

test('Erlang A sends patience and the abandonment cap; percentages lose their float noise', () => {
  const r = solveRequest({ ...DEFAULT_FORM, model: 'a', maxAbandonPercent: '7', maxOccupancyPercent: '85.5', agents: '14' });
  expect(r).toMatchObject({
    model: 'a',
    patienceSeconds: 300,
    agents: 14,
    targets: { serviceLevel: 0.8, maxAbandonRate: 0.07, maxOccupancy: 0.855 },
  });
  // Not a number: sent as NaN → JSON null, so the server names the field instead of the page guessing.
  expect(JSON.parse(JSON.stringify(solveRequest({ ...DEFAULT_FORM, calls: 'abc' }))).calls).toBeNull();
});

const answer = (pAbandon: number, serviceLevel: number): SolveAnswer => ({
  model: 'a',
  traffic: 500,
  slSeconds: 20,
  agents: 425,
  fractionalAgents: null,
  positions: 425,
  shrinkage: 0,
  binding: [],
  failed: [],
  whatIf: [],
  defined: true,
  serviceLevel,
  asaSeconds: 9,
  pWait: 0.4,
  pAbandon,
  occupancy: 0.99,
});

test('warns when SL is met but abandonment exceeds the cap, and when Erlang A has no cap', () => {
  const a = { ...DEFAULT_FORM, model: 'a' as const };
  expect(calculatorWarnings(a, answer(0.15, 0.81))).toEqual(['slMetAbandonHigh']);
  expect(calculatorWarnings(a, answer(0.04, 0.81))).toEqual([]);
  expect(calculatorWarnings(a, answer(0.15, 0.7))).toEqual([]); // SL missed too: the failure is plain already
  expect(calculatorWarnings({ ...a, maxAbandonPercent: '' }, answer(0.01, 0.9))).toEqual(['noAbandonCap']);
  expect(calculatorWarnings(DEFAULT_FORM, { ...answer(0, 0.9), model: 'c' })).toEqual([]);
});

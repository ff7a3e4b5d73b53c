import { describe, expect, test } from 'vitest';
import { isoFormatter } from '../../../domain/metrics/interval-bucket.ts';
import { buildCells } from '../../../domain/metrics/interval-cube.ts';
import { rollUpCells, rowFromCell } from '../../../domain/metrics/intervals.ts';
import { serviceLevel } from '../../../domain/metrics/service-level.ts';
import { generateQueueLog } from '../../../ingest/queue-log/generate.ts';
import { createQueueLogParser } from '../../../ingest/queue-log/parser.ts';
import type { IntervalRow } from './report-columns.ts';
import { totalRow } from './total-row.ts';

const zero = {
  shortAbandoned: 0,
  otherExits: 0,
  unknownEnd: 0,
  abandonedAfterThreshold: 0,
  transferred: 0,
  abandoned: 0,
  avgAbandonSeconds: null,
  talkSeconds: null,
  acwSeconds: null,
} as const;

// Row A is the worked example of docs/metrics.md (09:00–09:15, T = 20 s, S = 5 s): waits 12, 30, 10 s answered,
// 3 s (short) and 40 s abandoned, one timeout after 50 s; talk+ACW 180, 120, 300 s.
const A: IntervalRow = {
  ...zero,
  queue: 'support',
  intervalStart: '09:00',
  offered: 6,
  answered: 3,
  abandoned: 2,
  shortAbandoned: 1,
  otherExits: 1,
  timeout: 1,
  answeredWithinThreshold: 2,
  abandonedAfterThreshold: 1,
  serviceLevel: 2 / 6,
  answerRate: 0.5,
  asaSeconds: 52 / 3,
  maxWaitSeconds: 50,
  avgAbandonSeconds: 21.5,
  ahtSeconds: 200,
  talkSeconds: 160,
  acwSeconds: 40,
};
// Row B: a quiet interval — 4 calls, all answered at once (waits 2, 4, 6, 8 s), AHT 100 s.
const B: IntervalRow = {
  ...zero,
  queue: 'support',
  intervalStart: '09:15',
  offered: 4,
  answered: 4,
  answeredWithinThreshold: 4,
  serviceLevel: 1,
  answerRate: 1,
  asaSeconds: 5,
  maxWaitSeconds: 8,
  ahtSeconds: 100,
  talkSeconds: 90,
  acwSeconds: 10,
};

describe('totalRow', () => {
  test('recomputes ratios from summed counts (hand-computed), not from the rows’ ratios', () => {
    const t = totalRow([A, B], 1);
    expect(t.offered).toBe(10);
    expect(t.answered).toBe(7);
    expect(t.answeredWithinThreshold).toBe(6);
    expect(t.serviceLevel).toBeCloseTo(0.6, 12); // 6/10; averaging the rows would give (1/3 + 1)/2 = 0.667
    expect(t.answerRate).toBeCloseTo(0.7, 12);
    expect(t.asaSeconds).toBeCloseTo((12 + 30 + 10 + 2 + 4 + 6 + 8) / 7, 9); // 72/7 = 10.29 s
    expect(t.avgAbandonSeconds).toBeCloseTo(21.5, 9); // only row A had abandons
    expect(t.ahtSeconds).toBeCloseTo((3 * 200 + 4 * 100) / 7, 9); // 142.86 s
    expect(t.talkSeconds).toBeCloseTo((3 * 160 + 4 * 90) / 7, 9);
    expect(t.maxWaitSeconds).toBe(50);
    expect(t.timeout).toBe(1);
  });

  test('the three service-level definitions of the total (hand-computed)', () => {
    expect(totalRow([A, B], 2).serviceLevel).toBeCloseTo(6 / (7 + 1), 12);
    expect(totalRow([A, B], 3).serviceLevel).toBeCloseTo(6 / (10 - 1), 12);
    expect(serviceLevel(2, 2, 6, 3, 1, 1)).toBeCloseTo(0.5, 12); // row A, docs/metrics.md: SL2 = 2/(3+1)
    expect(serviceLevel(3, 2, 6, 3, 1, 1)).toBeCloseTo(0.4, 12); // SL3 = 2/(6−1)
  });

  test('uses handled as the AHT denominator when rows carry it', () => {
    // Row A with one answered call never ended: 2 handled calls averaging 150 s.
    const t = totalRow(
      [
        { ...A, handled: 2, ahtSeconds: 150 },
        { ...B, handled: 4 },
      ],
      1,
    );
    expect(t.ahtSeconds).toBeCloseTo((2 * 150 + 4 * 100) / 6, 9);
    expect(t.handled).toBe(6);
  });

  test('no rows and no calls give nulls (shown as —), never 0 or NaN', () => {
    const t = totalRow([], 1);
    expect(t.offered).toBe(0);
    expect([t.serviceLevel, t.answerRate, t.asaSeconds, t.ahtSeconds, t.maxWaitSeconds]).toEqual([null, null, null, null, null]);
    const empty = totalRow(
      [
        {
          ...B,
          offered: 0,
          answered: 0,
          answeredWithinThreshold: 0,
          asaSeconds: null,
          ahtSeconds: null,
          maxWaitSeconds: null,
          serviceLevel: null,
          answerRate: null,
        },
      ],
      3,
    );
    expect(empty.serviceLevel).toBeNull();
  });

  test('equals the domain total summed from raw cells, for a generated day of queue_log (second method)', () => {
    const parser = createQueueLogParser();
    let n = 0;
    generateQueueLog({ seed: 7, lines: 6000, agents: 12 }, (line) => parser.push(line, ++n));
    const { contacts } = parser.finish({ closeOpenAsUnknown: true });
    const zone = 'Asia/Shanghai';
    const cells = buildCells(contacts, { timeZone: zone, perAgent: false });
    const iso = isoFormatter(zone);
    for (const def of [1, 2, 3] as const) {
      // Rows as the API sends them (one per queue and 15 minutes), plus `handled` from the same cell.
      const rows = cells.map((c) => ({ ...rowFromCell(c, def, iso), queue: c.queue, handled: c.handled }));
      const reference = rollUpCells(
        cells.map((c) => ({ ...c, queue: '', start: 0 })),
        { interval: 15, timeZone: zone, by: 'queue', slDefinition: def },
      )[0];
      const mine = totalRow(rows, def);
      expect(rows.length).toBeGreaterThan(20);
      for (const k of [
        'offered',
        'answered',
        'abandoned',
        'shortAbandoned',
        'otherExits',
        'unknownEnd',
        'answeredWithinThreshold',
        'abandonedAfterThreshold',
        'transferred',
        'maxWaitSeconds',
      ] as const) {
        expect(mine[k], k).toBe(reference[k]);
      }
      for (const k of [
        'serviceLevel',
        'answerRate',
        'asaSeconds',
        'avgAbandonSeconds',
        'ahtSeconds',
        'talkSeconds',
        'holdSeconds',
        'acwSeconds',
      ] as const) {
        expect(mine[k], k).toBeCloseTo(reference[k] as number, 9);
      }
    }
  });
});

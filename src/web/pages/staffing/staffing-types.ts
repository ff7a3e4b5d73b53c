/** The JSON shapes of the staffing API (src/server/routes/staffing.ts), as the pages read them. */

export type QueueModel = 'c' | 'a';
export type TargetName = 'serviceLevel' | 'maxAsaSeconds' | 'maxAbandonRate' | 'maxOccupancy';

export type WhatIfRow =
  | {
      agents: number;
      defined: true;
      serviceLevel: number;
      asaSeconds: number;
      pWait: number;
      pAbandon: number;
      occupancy: number;
    }
  | { agents: number; defined: false; reason: string };

/** POST /staffing/solve. */
export type SolveAnswer = {
  model: QueueModel;
  traffic: number;
  slSeconds: number;
  agents: number;
  fractionalAgents: number | null;
  positions: number;
  shrinkage: number;
  binding: TargetName[];
  failed: TargetName[];
  whatIf: WhatIfRow[];
} & (
  | { defined: true; serviceLevel: number; asaSeconds: number; pWait: number; pAbandon: number; occupancy: number }
  | { defined: false; reason: string }
);

/** One interval of a requirement curve (GET /staffing/plan/history). */
export interface PlanRow {
  start: string;
  calls: number;
  ahtSeconds: number | null;
  ahtSource: 'interval' | 'period' | null;
  traffic: number;
  agents: number;
  fractionalAgents: number;
  positions: number;
  serviceLevel: number;
  asaSeconds: number;
  pAbandon: number;
  occupancy: number;
}

export interface PlanAnswer {
  skillGroup: { id: number; name: string; slTarget: number; slSeconds: number };
  from: string;
  to: string;
  timeZone: string;
  interval: 15 | 30;
  model: QueueModel;
  patienceSeconds: number | null;
  shrinkage: number;
  rows: PlanRow[];
}

/** Mean over replications ± 95 % half-width (null when not defined in enough replications). */
export interface Estimate {
  mean: number | null;
  halfWidth: number | null;
  replications: number;
}

export type SimMetric = 'offered' | 'serviceLevel' | 'abandonRate' | 'pWait' | 'asaSeconds' | 'meanWaitSeconds' | 'occupancy';
export type SimStats = { queue: string; interval: number | null } & Record<SimMetric, Estimate>;

/** POST /staffing/simulate. */
export interface SimulationAnswer {
  replications: number;
  seed: number;
  slSeconds: number;
  intervalSeconds: number;
  confidence: number;
  intervals: SimStats[];
  totals: SimStats[];
}

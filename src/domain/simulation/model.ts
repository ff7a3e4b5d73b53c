/** The inputs and outputs of the contact-center simulation (one or several skill groups). */

/** A duration distribution: exponential with the mean, or lognormal with mean and coefficient of variation. */
export type DurationModel =
  | { distribution: 'exponential'; meanSeconds: number }
  | { distribution: 'lognormal'; meanSeconds: number; cv: number };

export interface SimQueue {
  /** Queue / skill-group name, as calls and agent skills refer to it. */
  name: string;
  /** Expected calls in each interval (Poisson arrivals at a constant rate within the interval). */
  callsPerInterval: readonly number[];
  /** Talk (+ hold) time. */
  talk: DurationModel;
  /** After-call work; none when omitted. The agent is busy for talk + ACW. */
  acw?: DurationModel;
  /** Mean caller patience, seconds (exponential); Infinity: callers never hang up. */
  patienceSeconds: number;
  /** Whole number of dedicated (single-skill) agents logged in during each interval, if staffed this way. */
  agentsPerInterval?: readonly number[];
}

/** One agent of a roster: skills with a priority (1 = preferred) and logged-in spans (seconds from the start). */
export interface SimAgent {
  skills: readonly { queue: string; priority: number }[];
  shifts: readonly { startSeconds: number; endSeconds: number }[];
}

export interface SimulationInput {
  intervalSeconds: number;
  queues: readonly SimQueue[];
  /** Roster agents (multi-skill); the dedicated agents of `agentsPerInterval` are appended after them. */
  agents?: readonly SimAgent[];
}

/** One simulated queue entry; times are milliseconds from the start epoch given to the simulation. */
export interface SimulatedCall {
  queue: string;
  arrivalMs: number;
  outcome: 'answered' | 'abandoned';
  /** Seconds until answer, or until the caller hung up. */
  waitSeconds: number;
  /** Index into the resolved agent list (roster first, then dedicated agents), null when abandoned. */
  agentIndex: number | null;
  talkSeconds: number;
  acwSeconds: number;
}

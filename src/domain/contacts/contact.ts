/**
 * The normalised records every source (Asterisk queue_log, CSV of call records, the HTTP event API,
 * the demo simulation) is turned into, and every report is computed from.
 * Instants are UTC epoch milliseconds; durations are seconds.
 */

/** How a queue entry ended. `unknown`: no end was recorded (crash, lost line) — counted, never guessed. */
export type ContactOutcome = 'answered' | 'abandoned' | 'timeout' | 'exit_key' | 'exit_empty' | 'unknown';

/** One entry of one call into one queue (技能组). A transferred call that re-enters a queue is a second contact. */
export interface Contact {
  /** Stable key of the source record, e.g. `ql:<callid>:<queue>:<enterEpochMs>`; importing twice never duplicates. */
  key: string;
  callId: string;
  /** Queue name as the source wrote it; mapped to a skill group through the queue map. */
  queue: string;
  /** Caller number (personal data: mask for roles that may not see it). */
  callerId: string | null;
  enteredAt: number;
  outcome: ContactOutcome;
  /** Seconds from queue entry to answer (answered) or to leaving the queue (other outcomes); null when unknown. */
  waitSeconds: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  /** Agent as the source names it (e.g. `PJSIP/1001`), mapped to an agent through the agent map. */
  agent: string | null;
  talkSeconds: number;
  holdSeconds: number;
  /** After-call work (话后处理) attributed to this contact. */
  acwSeconds: number;
  transferred: boolean;
  /** Times the call rang an agent who did not answer. */
  ringNoAnswer: number;
}

/** Agent activity states reported on. */
export type AgentStateKind = 'logged_in' | 'paused' | 'talking' | 'acw';

/** A span of time an agent spent in one state; paused spans carry their reason code. */
export interface AgentStateSpan {
  key: string;
  agent: string;
  /** Queue the span belongs to, when the source says so (membership is per queue in Asterisk). */
  queue: string | null;
  state: AgentStateKind;
  reason: string | null;
  start: number;
  end: number;
}

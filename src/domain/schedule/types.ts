/** Inputs and outputs of the scheduler (排班). Times of day are 'HH:MM' in the center's zone. */
export interface BreakRule {
  lengthMinutes: number;
  paid: boolean;
  /** The break starts between these many minutes after the shift start. */
  earliestAfterMinutes: number;
  latestAfterMinutes: number;
}

export interface ShiftTemplate {
  name: string;
  earliestStart: string;
  latestStart: string;
  startStepMinutes: number;
  /** Length of a one-segment shift. */
  lengthMinutes?: number;
  /** A split shift (两头班): two work segments with a gap between them. */
  segments?: { lengthMinutes: number }[];
  minGapMinutes?: number;
  maxGapMinutes?: number;
  breaks?: BreakRule[];
  /** A night shift (夜班) for the night limit; by default one that works any minute between 00:00 and 06:00. */
  night?: boolean;
}

/** A cyclic pattern (大轮班) such as 早-中-晚-夜-休-休: template names, '休' for a rest day; crews share a start. */
export interface Rotation {
  name: string;
  pattern: string[];
  crews: string[];
}

/**
 * Team rule (班组规则): 'leaderOnDuty' — whenever a team member works a shift type on a day, a leader or senior
 * of the team works the same shift type that day; 'sameShiftAsLeader' — a member works only when the team's
 * leader works, and the same shift type; 'none' — no team rule.
 */
export type TeamRule = 'none' | 'leaderOnDuty' | 'sameShiftAsLeader';

export interface Rules {
  intervalMinutes: number;
  shiftTemplates: ShiftTemplate[];
  minRestHours: number;
  maxConsecutiveDays: number;
  maxHoursPerWeek: number;
  minRestDaysPerWeek: number;
  /** Overtime = weekly paid hours beyond the contract; at most this much in a calendar month (劳动法 第41条: 36 h). */
  maxOvertimeHoursPerMonth?: number;
  /** At most this many night shifts in any `nightPeriodDays` consecutive days. */
  maxNightShifts?: number;
  nightPeriodDays?: number;
  teamRule?: TeamRule;
  rotations?: Rotation[];
  /** Seats at the site: no interval may have more agents at seats. */
  seats?: number;
  /** Penalty per agent-interval of under- and overstaffing, in paid hours. */
  underPenalty?: number;
  overPenalty?: number;
  /** Service-level threshold (seconds) for the predicted service level of understaffed intervals. */
  slSeconds?: number;
}

/** The labour rules as the checker and the rostering model read them, with every default filled in. */
export type LabourRules = Pick<Rules, 'minRestHours' | 'maxConsecutiveDays' | 'maxHoursPerWeek' | 'minRestDaysPerWeek'> &
  Partial<
    Pick<
      Rules,
      'maxOvertimeHoursPerMonth' | 'maxNightShifts' | 'nightPeriodDays' | 'teamRule' | 'rotations' | 'seats' | 'intervalMinutes'
    >
  >;

export const DEFAULT_RULES: Omit<Rules, 'shiftTemplates'> = {
  intervalMinutes: 30,
  minRestHours: 11,
  maxConsecutiveDays: 6,
  maxHoursPerWeek: 44,
  minRestDaysPerWeek: 1,
};

/** Defaults of the optional labour rules (Labour Law art. 41: overtime at most 36 h a month). */
export const DEFAULT_OPTIONAL = {
  maxOvertimeHoursPerMonth: 36,
  maxNightShifts: 3,
  nightPeriodDays: 7,
  teamRule: 'none' as TeamRule,
  underPenalty: 4,
  overPenalty: 0.25,
  slSeconds: 20,
};

export const DEFAULT_TEMPLATES: ShiftTemplate[] = [
  {
    name: '早班',
    earliestStart: '07:00',
    latestStart: '09:00',
    startStepMinutes: 30,
    lengthMinutes: 540,
    breaks: [{ lengthMinutes: 60, paid: false, earliestAfterMinutes: 210, latestAfterMinutes: 300 }],
  },
  {
    name: '中班',
    earliestStart: '10:00',
    latestStart: '13:00',
    startStepMinutes: 30,
    lengthMinutes: 540,
    breaks: [{ lengthMinutes: 60, paid: false, earliestAfterMinutes: 210, latestAfterMinutes: 300 }],
  },
  {
    name: '晚班',
    earliestStart: '14:00',
    latestStart: '15:00',
    startStepMinutes: 60,
    lengthMinutes: 540,
    breaks: [{ lengthMinutes: 30, paid: false, earliestAfterMinutes: 210, latestAfterMinutes: 300 }],
  },
  // Crosses midnight: a 24-hour hotline needs someone on the phones at night.
  {
    name: '夜班',
    earliestStart: '22:00',
    latestStart: '23:00',
    startStepMinutes: 60,
    lengthMinutes: 540,
    breaks: [{ lengthMinutes: 60, paid: false, earliestAfterMinutes: 240, latestAfterMinutes: 300 }],
  },
];

export interface AgentInput {
  agent: string;
  team: string;
  skills: string[];
  contractHoursPerWeek: number;
  /** 'leader' (组长) or 'senior' (骨干) count for the team rule. */
  role?: 'leader' | 'senior' | 'agent';
  /** Crew of a rotation (轮班班次组). */
  crew?: string;
  /** Dates (YYYY-MM-DD) the agent cannot work: approved leave, unavailability. */
  unavailable?: string[];
  /** Preferred shift templates: other templates cost a little. */
  preferredShifts?: string[];
  /** Preferred days off, ISO weekday 1 (Monday) … 7 (Sunday): working them costs a little. */
  preferredDaysOff?: number[];
}

/** A planner's locked assignment: kept as it is when the rest is re-optimised. */
export interface Lock {
  agent: string;
  date: string;
  /** Template name. */
  shift: string;
  skillGroup: string;
  /** Start 'HH:MM'; the first variant of the template starting then (the first variant if absent). */
  start?: string;
}

/** One shift variant on one day: start, work segments and breaks as minutes from that day's midnight. */
export interface ShiftVariant {
  id: string;
  template: string;
  date: string;
  /** Work segments [start, end) in minutes from the day's midnight (may run past 1440: crosses midnight). */
  segments: { start: number; end: number }[];
  breaks: { start: number; end: number; paid: boolean }[];
  paidMinutes: number;
}

export interface Assignment {
  agent: string;
  date: string;
  shift: string;
  skillGroup: string;
  segments: { start: string; end: string }[];
  breaks: { start: string; end: string; paid: boolean }[];
  /** 3 on a statutory holiday (法定节假日, 300 %), 2 on a rest day worked (休息日, 200 %), 1 otherwise. */
  payRate: number;
  /** Kept from the planner's locks. */
  locked?: boolean;
}

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Conventions that keep SQLite and PostgreSQL alike:
 * instants are epoch milliseconds (int8), booleans are 0/1 integers, JSON is text.
 */
type Id = Generated<number>;
type Bool = number;

export interface CenterTable {
  id: Id;
  name: string;
  time_zone: string;
  /** JSON: [{ start: 'HH:MM', end: 'HH:MM' }] */
  business_hours: string;
}
export interface SiteTable {
  id: Id;
  name: string;
  seats: number;
}
export interface SkillGroupTable {
  id: Id;
  code: string;
  name: string;
  sl_threshold_seconds: number;
  sl_target: number;
}
export interface TeamTable {
  id: Id;
  name: string;
  site_id: number | null;
  leader_agent_id: number | null;
}
export interface AgentTable {
  id: Id;
  employee_no: string;
  name: string;
  team_id: number | null;
  hire_date: string | null;
  contract_hours_per_week: number;
  status: 'active' | 'left';
  left_date: string | null;
}
export interface AgentSkillTable {
  agent_id: number;
  skill_group_id: number;
  proficiency: number;
}
export interface HandlingUnitTable {
  id: Id;
  code: string;
  name: string;
  head_name: string | null;
  can_see_personal_data: Bool;
  /** The unit's head (0012), who receives urgent orders when no shift lead is on duty. */
  head_user_id: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface UserTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  agent_id: number | null;
  unit_id: number | null;
  disabled: ColumnType<Bool, Bool | undefined, Bool>;
  created_at: number;
}
export interface UserRoleTable {
  user_id: number;
  role: string;
}
export interface SessionTable {
  /** sha256 of the cookie value; the value itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}
export interface ApiTokenTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
}
export interface AuditLogTable {
  id: Id;
  at: number;
  actor_user_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}
export interface ContactTable {
  key: string;
  call_id: string;
  queue: string;
  caller_id: string | null;
  entered_at: number;
  outcome: string;
  wait_seconds: number | null;
  answered_at: number | null;
  ended_at: number | null;
  agent: string | null;
  talk_seconds: number;
  hold_seconds: number;
  acw_seconds: number;
  transferred: Bool;
  ring_no_answer: number;
  source: string;
  /** Recording URL or path (migration 0006); optional on insert. */
  recording_url: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface AgentStateSpanTable {
  key: string;
  agent: string;
  queue: string | null;
  state: string;
  reason: string | null;
  start_at: number;
  end_at: number;
  source: string;
}
/** Maps a queue name as the ACD writes it to a skill group. */
export interface QueueMapTable {
  queue_name: string;
  skill_group_id: number | null;
}
/** Maps an agent identity from the ACD (extension number, `1001`) to an agent. */
export interface AgentMapTable {
  identity: string;
  agent_id: number | null;
}
export interface IntervalCellTable {
  queue: string;
  agent: string;
  start_at: number;
  offered: number;
  answered: number;
  abandoned: number;
  short_abandoned: number;
  timeout: number;
  exit_key: number;
  exit_empty: number;
  unknown_end: number;
  answered_within_t: number;
  abandoned_after_t: number;
  handled: number;
  transferred: number;
  ring_no_answer: number;
  sum_answer_wait: number;
  sum_abandon_wait: number;
  max_wait: number;
  sum_talk: number;
  sum_hold: number;
  sum_acw: number;
}
export interface ImportCursorTable {
  source: string;
  inode: number;
  byte_offset: number;
  line_no: number;
  state_json: string;
  updated_at: number;
}
export interface DayOverrideTable {
  date: string;
  kind: string;
  name: string | null;
}

export interface Database extends WorkOrderDatabase, QualityDatabase, PlanningDatabase {
  center: CenterTable;
  site: SiteTable;
  skill_group: SkillGroupTable;
  team: TeamTable;
  agent: AgentTable;
  agent_skill: AgentSkillTable;
  handling_unit: HandlingUnitTable;
  app_user: UserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  contact: ContactTable;
  agent_state_span: AgentStateSpanTable;
  queue_map: QueueMapTable;
  agent_map: AgentMapTable;
  day_override: DayOverrideTable;
  interval_cell: IntervalCellTable;
  import_cursor: ImportCursorTable;
}

export type Agent = Selectable<AgentTable>;
export type NewAgent = Insertable<AgentTable>;
export type AgentUpdate = Updateable<AgentTable>;
export type User = Selectable<UserTable>;
export type NewContact = Insertable<ContactTable>;

export interface WorkOrderTable {
  id: Id;
  number: string;
  channel: string;
  category: string;
  priority: string;
  urgent: Bool;
  status: string;
  title: string;
  content_json: string;
  location: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  first_owner_user_id: number | null;
  first_owner_agent_id: number | null;
  team_id: number | null;
  assignee_queue: string | null;
  created_at: number;
  call_ended_at: number | null;
  due_at: number | null;
  closed_at: number | null;
  redo_count: ColumnType<number, number | undefined, number>;
  return_count: ColumnType<number, number | undefined, number>;
  reminder_count: ColumnType<number, number | undefined, number>;
  supervised: ColumnType<Bool, Bool | undefined, Bool>;
  escalation_level: ColumnType<string, string | undefined, string>;
  satisfaction: string | null;
  merged_into_id: number | null;
  answer_text: ColumnType<string | null, string | null | undefined, string | null>;
  answer_basis_kind: ColumnType<string | null, string | null | undefined, string | null>;
  answer_basis_ref: ColumnType<string | null, string | null | undefined, string | null>;
  search_text: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
}
export interface WorkOrderDispatchTable {
  id: Id;
  work_order_id: number;
  unit_id: number;
  status: string;
  dispatched_at: number;
  accepted_at: number | null;
  replied_at: number | null;
  reply: string | null;
  due_at: number | null;
  extension_until: number | null;
  extension_status: string | null;
  extension_reason: string | null;
  started_at: ColumnType<number | null, number | null | undefined, number | null>;
  returned_at: ColumnType<number | null, number | null | undefined, number | null>;
  return_reason: ColumnType<string | null, string | null | undefined, string | null>;
  extension_requested_at: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface WorkOrderHistoryTable {
  id: Id;
  work_order_id: number;
  at: number;
  actor_user_id: number | null;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data_json: string | null;
}
export interface WorkOrderContactTable {
  work_order_id: number;
  contact_key: string;
}
export interface WorkOrderAttachmentTable {
  id: Id;
  work_order_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
  uploaded_by: string;
  uploaded_at: number;
}
export interface WorkOrderSequenceTable {
  day: string;
  last: number;
}
export interface WorkOrderDatabase {
  work_order: WorkOrderTable;
  work_order_dispatch: WorkOrderDispatchTable;
  work_order_history: WorkOrderHistoryTable;
  work_order_contact: WorkOrderContactTable;
  work_order_attachment: WorkOrderAttachmentTable;
  work_order_sequence: WorkOrderSequenceTable;
}

export interface ScorecardTable {
  id: Id;
  key: string;
  version: number;
  name: string;
  definition_json: string;
  active: ColumnType<Bool, Bool | undefined, Bool>;
  created_at: number;
  created_by: string;
}
export interface EvaluationTable {
  id: Id;
  scorecard_id: number;
  contact_key: string | null;
  agent_id: number;
  evaluator_user_id: number | null;
  kind: ColumnType<string, string | undefined, string>;
  calibration_session_id: number | null;
  status: string;
  answers_json: string;
  score: number | null;
  critical_failed: ColumnType<Bool, Bool | undefined, Bool>;
  failed_items_json: ColumnType<string, string | undefined, string>;
  comment: string | null;
  evaluated_at: number;
  acknowledged_at: number | null;
}
export interface EvaluationDisputeTable {
  id: Id;
  evaluation_id: number;
  raised_by_user_id: number;
  reason: string;
  proposal_json: string;
  status: string;
  decided_by_user_id: number | null;
  decision_note: string | null;
  raised_at: number;
  decided_at: number | null;
}
export interface CoachingTaskTable {
  id: Id;
  evaluation_id: number | null;
  agent_id: number;
  items_json: string;
  due_date: string;
  status: string;
  follow_up_evaluation_id: number | null;
  note: string | null;
  created_at: number;
  created_by: string;
}
export interface CalibrationSessionTable {
  id: Id;
  name: string;
  scorecard_id: number;
  contacts_json: string;
  expert_user_id: number | null;
  status: string;
  created_at: number;
  closed_at: number | null;
  /** JSON array of invited evaluator user ids (migration 0009-quality-refinements); null = any QA user. */
  participants_json: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface QaSampleTable {
  id: Id;
  contact_key: string;
  agent_id: number;
  plan: string;
  reason: string;
  status: string;
  replaced_reason: string | null;
  created_at: number;
}
export interface QualityDatabase {
  scorecard: ScorecardTable;
  evaluation: EvaluationTable;
  evaluation_dispute: EvaluationDisputeTable;
  coaching_task: CoachingTaskTable;
  calibration_session: CalibrationSessionTable;
  qa_sample: QaSampleTable;
}

export interface ForecastRunTable {
  id: Id;
  skill_group_id: number;
  created_at: number;
  created_by: string;
  interval_minutes: number;
  model: string;
  backtest_json: string;
  intervals_json: string;
  horizon_start: number;
  horizon_end: number;
}
export interface ForecastAdjustmentTable {
  id: Id;
  skill_group_id: number | null;
  from_date: string;
  to_date: string;
  kind: string;
  value: number;
  reason: string;
  author: string;
  created_at: number;
}
export interface ScheduleTable {
  id: Id;
  name: string;
  start_date: string;
  weeks: number;
  status: string;
  result_json: string | null;
  created_at: number;
  created_by: string;
  published_at: number | null;
}
export interface ScheduleAssignmentTable {
  id: Id;
  schedule_id: number;
  agent_id: number;
  date: string;
  shift: string;
  segments_json: string;
  breaks_json: string;
  pay_rate: ColumnType<number, number | undefined, number>;
  locked: ColumnType<Bool, Bool | undefined, Bool>;
}
export interface ScheduleRequestTable {
  id: Id;
  agent_id: number;
  kind: string;
  date: string;
  with_agent_id: number | null;
  status: string;
  note: string | null;
  decided_by: string | null;
  created_at: number;
  decided_at: number | null;
  /** The colleague's day of a two-way swap (换班). */
  with_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON: { eligible, violations } of the rule check when the request was made or last checked. */
  check_json: ColumnType<string | null, string | null | undefined, string | null>;
  decision_reason: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface PointsRuleTable {
  id: Id;
  code: string;
  name: string;
  points: number;
}
export interface BidRoundTable {
  id: Id;
  name: string;
  /** 'holiday_rest' | 'preferred_shift' */
  kind: string;
  targets_json: string;
  /** 'open' | 'awarded' | 'published' */
  status: string;
  created_by: string;
  created_at: number;
  published_at: number | null;
}
export interface PointsLedgerTable {
  id: Id;
  agent_id: number;
  at: number;
  delta: number;
  reason: string;
  ref: string | null;
}
export interface BidTable {
  id: Id;
  agent_id: number;
  round: string;
  target: string;
  points: number;
  status: string;
  created_at: number;
}
export interface NotificationTable {
  id: Id;
  user_id: number;
  at: number;
  kind: string;
  text: string;
  link: string | null;
  read_at: number | null;
}
export interface PlanningDatabase {
  forecast_run: ForecastRunTable;
  forecast_adjustment: ForecastAdjustmentTable;
  schedule: ScheduleTable;
  schedule_assignment: ScheduleAssignmentTable;
  schedule_request: ScheduleRequestTable;
  points_ledger: PointsLedgerTable;
  bid: BidTable;
  notification: NotificationTable;
  points_rule: PointsRuleTable;
  bid_round: BidRoundTable;
}

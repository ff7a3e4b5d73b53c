import type { Role } from '../../domain/auth/roles.ts';

/** Shapes of the /api/v1 responses the web app reads (the contract in the lead's API). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  agentId: number | null;
  unitId: number | null;
}
export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}
export interface Items<T> {
  items: T[];
}
export interface Page<T> extends Items<T> {
  total: number;
}
export interface BusinessHours {
  start: string;
  end: string;
}
export interface Center {
  id: number;
  name: string;
  timeZone: string;
  businessHours: BusinessHours[];
}
export interface Site {
  id: number;
  name: string;
  seats: number;
}
export interface SkillGroup {
  id: number;
  code: string;
  name: string;
  slThresholdSeconds: number;
  slTarget: number;
}
export interface Team {
  id: number;
  name: string;
  siteId: number | null;
  leaderAgentId: number | null;
  leaderName: string | null;
  agentCount: number;
}
export interface AgentSkill {
  skillGroupId: number;
  skillGroupName: string;
  proficiency: number;
}
export interface Agent {
  id: number;
  employeeNo: string;
  name: string;
  teamId: number | null;
  teamName: string | null;
  skills: AgentSkill[];
  hireDate: string | null;
  contractHoursPerWeek: number;
  status: 'active' | 'left';
  leftDate: string | null;
}
export interface HandlingUnit {
  id: number;
  code: string;
  name: string;
  headName: string | null;
  canSeePersonalData: boolean;
}
export interface UserRow extends SessionUser {
  disabled: boolean;
}
export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
export interface AuditItem {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | string | null;
  before: unknown;
  after: unknown;
}
export interface ImportError {
  line: number;
  field: string;
  message: string;
}
export interface ImportResult {
  imported: number;
  valid?: number;
  skipped: number;
  errors: ImportError[];
}

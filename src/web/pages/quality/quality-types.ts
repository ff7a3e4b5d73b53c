/** Shapes of the quality API answers the QA pages read (docs/quality-api.md). */
import type { SectionScore } from '../../../domain/quality/scorecard.ts';
import type { TimedNote } from './recording-player.tsx';
import type { Answers, Scorecard } from './score-answers.ts';

export interface CardVersion {
  id: number;
  key: string;
  version: number;
  name: string;
  definition: Scorecard;
  createdAt: string;
  createdBy: string;
}

export interface QaContact {
  key: string;
  queue: string;
  enteredAt: string;
  talkSeconds: number;
  handleSeconds: number;
  transferred: boolean;
  recordingUrl: string | null;
  evaluations: number;
}

export interface QaSample {
  id: number;
  contactKey: string;
  agentId: number;
  agent: string;
  plan: string;
  reason: string;
  status: 'selected' | 'replaced' | 'removed';
  changeReason: string | null;
  createdAt: string;
  enteredAt: string | null;
  recordingUrl: string | null;
}

export interface Dispute {
  id: number;
  reason: string;
  proposal: Answers;
  status: 'open' | 'accepted' | 'partly_accepted' | 'rejected';
  decisionNote: string | null;
  raisedAt: string;
  decidedAt: string | null;
}

export interface Coaching {
  id: number;
  evaluationId: number | null;
  agentId: number;
  items: string[];
  dueDate: string;
  status: 'open' | 'in_progress' | 'done' | 'followed_up' | 'cancelled';
  followUpEvaluationId: number | null;
  note: string | null;
  createdAt: string;
  createdBy: string;
}

export interface EvaluationDetail {
  id: number;
  agent: { id: number; employeeNo: string; name: string; teamId: number | null };
  evaluator: { id: number; name: string } | null;
  scorecard: { id: number; key: string; version: number; name: string; card: Scorecard };
  score: number | null;
  criticalFailed: boolean;
  sections: SectionScore[];
  answers: Answers;
  notes: TimedNote[];
  comment: string | null;
  failedItems: string[];
  kind: 'normal' | 'follow_up' | 'self';
  status: 'submitted' | 'acknowledged' | 'disputed' | 'dispute_decided';
  evaluatedAt: string;
  acknowledgedAt: string | null;
  contactKey: string | null;
  contact: {
    key: string;
    queue: string;
    callerId: string | null;
    enteredAt: string;
    talkSeconds: number;
    holdSeconds: number;
    acwSeconds: number;
    transferred: boolean;
    recordingUrl: string | null;
  } | null;
  disputes: Dispute[];
  coaching: Coaching[];
}

import type { Contact } from '../../domain/contacts/contact.ts';

/** An agent's open state in the queue_log, as far as the lines read so far tell it. */
export interface AgentSession {
  agent: string;
  /** Queues the agent is a member of (ADDMEMBER…REMOVEMEMBER), plus `*login` between AGENTLOGIN…AGENTLOGOFF. */
  memberOf: string[];
  /** Start of the current logged-in span (epoch ms), null when logged out. */
  loggedInSince: number | null;
  /** Queues the agent is paused in, `*` after PAUSEALL; the pause lasts while this is not empty. */
  pausedIn: string[];
  /** The pause event's time and reason; the counted span starts at max(pause, end of the call in progress). */
  pausedSince: number | null;
  pauseReason: string | null;
  /** Key of the answered contact in progress (CONNECT seen, no end yet). */
  activeCall: string | null;
  /** The last call this agent ended, for after-call work that starts just after it. */
  lastCall: { key: string; endedAt: number } | null;
  /** The contact the current wrap-up pause is after-call work for. */
  acwFor: string | null;
}

/** A closed contact waiting a moment before release, in case after-call work for it follows. */
export interface HeldContact {
  contact: Contact;
  /** Release time (epoch ms); null while a wrap-up pause for it is running. */
  releaseAt: number | null;
  /** Start of its after-call work (epoch ms) once the wrap-up pause is attributed to it. */
  acwStart: number | null;
}

/** Everything a `--follow` import must save to resume exactly where it stopped (plain JSON). */
export interface QueueLogParserState {
  version: 1;
  /** Latest line time seen (epoch ms). */
  lastTime: number;
  open: Contact[];
  held: HeldContact[];
  agents: AgentSession[];
}

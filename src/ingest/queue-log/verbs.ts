/** The queue_log event verbs Zuoxi reads (docs/formats.md §1), as small numbers for the parser's switch. */
export const Verb = {
  /** A verb Zuoxi does not know (custom `QueueLog()` events): counted, skipped. */
  UNKNOWN: 0,
  /** Known verbs with no effect on contacts or agent states (DID, INFO, CONFIGRELOAD, SYSCOMPAT, RINGCANCELED). */
  IGNORED: 1,
  ENTERQUEUE: 2,
  CONNECT: 3,
  COMPLETEAGENT: 4,
  COMPLETECALLER: 5,
  TRANSFER: 6,
  BLINDTRANSFER: 7,
  ATTENDEDTRANSFER: 8,
  AGENTDUMP: 9,
  ABANDON: 10,
  EXITWITHTIMEOUT: 11,
  EXITEMPTY: 12,
  JOINEMPTY: 13,
  EXITWITHKEY: 14,
  RINGNOANSWER: 15,
  ADDMEMBER: 16,
  REMOVEMEMBER: 17,
  AGENTLOGIN: 18,
  AGENTCALLBACKLOGIN: 19,
  AGENTLOGOFF: 20,
  AGENTCALLBACKLOGOFF: 21,
  PAUSE: 22,
  PAUSEALL: 23,
  UNPAUSE: 24,
  UNPAUSEALL: 25,
  QUEUESTART: 26,
} as const;

const IGNORED_VERBS = ['CONFIGRELOAD', 'DID', 'INFO', 'RINGCANCELED', 'SYSCOMPAT'];

/** Verbs by length and first letter: a line's verb is found with one look-up and one comparison, no string cut. */
const byShape = new Map<number, [verb: string, code: number][]>();
for (const [verb, code] of [
  ...Object.entries(Verb).filter(([v]) => v !== 'UNKNOWN' && v !== 'IGNORED'),
  ...IGNORED_VERBS.map((v) => [v, Verb.IGNORED] as const),
]) {
  const shape = verb.length * 128 + verb.charCodeAt(0);
  byShape.set(shape, [...(byShape.get(shape) ?? []), [verb, code]]);
}

/** The verb written at `text[start, end)` (already trimmed); {@link Verb.UNKNOWN} for any other text. */
export function verbOf(text: string, start: number, end: number): number {
  const candidates = byShape.get((end - start) * 128 + text.charCodeAt(start));
  if (candidates) for (const [verb, code] of candidates) if (text.startsWith(verb, start)) return code;
  return Verb.UNKNOWN;
}

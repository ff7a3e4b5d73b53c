/**
 * The agent's number behind an Asterisk member name, so the agent map can key on one identity whatever
 * channel technology the log used: `SIP/1001`, `PJSIP/1001`, `IAX2/1001`, `Local/1001@agents`,
 * `Local/2004@from-internal/n`, `Agent/1001` → `1001`. A name without a technology prefix (a
 * `membername` such as `张三` or `1001`) is returned trimmed, unchanged.
 *
 * Rule: drop the technology (`TECH/`), then anything from `@` (dial context) and from a further `/`
 * (Local channel options such as `/n`) or `-` followed by the channel's hex suffix (`SIP/1001-0000002a`).
 *
 * @example agentIdentity('Local/2004@from-internal/n') // '2004'
 */
export function agentIdentity(name: string): string {
  let s = name.trim();
  const slash = s.indexOf('/');
  if (slash > 0 && /^[A-Za-z0-9_]+$/.test(s.slice(0, slash))) s = s.slice(slash + 1);
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const rest = s.indexOf('/');
  if (rest >= 0) s = s.slice(0, rest);
  // A live channel name carries a per-call suffix: SIP/1001-0000002a, PJSIP/1001-00000003.
  const dash = s.lastIndexOf('-');
  if (dash > 0 && /^[0-9a-f]{8}$/i.test(s.slice(dash + 1))) s = s.slice(0, dash);
  return s;
}

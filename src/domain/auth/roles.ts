/** The roles of Zuoxi users (a user may hold several). Names follow shared/GLOSSARY.md. */
export const ROLES = ['agent', 'team_lead', 'qa', 'planner', 'trainer', 'manager', 'unit_handler', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that may see customers' personal data (names, phone numbers) unmasked, whatever else they hold. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['agent', 'team_lead', 'manager', 'admin'];

export function hasAnyRole(held: readonly string[], allowed: readonly Role[]): boolean {
  return held.some((r) => (allowed as readonly string[]).includes(r));
}

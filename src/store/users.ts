import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Role } from '../domain/auth/roles.ts';
import type { Db } from './audit.ts';
import type { UserTable } from './schema.ts';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  agentId: number | null;
  unitId: number | null;
  disabled: boolean;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

async function rolesOf(db: Db, userIds: number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_role').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push(r.role as Role);
    map.set(r.user_id, list);
  }
  for (const list of map.values()) list.sort();
  return map;
}

async function views(db: Db, rows: Selectable<UserTable>[]): Promise<UserView[]> {
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: roles.get(r.id) ?? [],
    agentId: r.agent_id,
    unitId: r.unit_id,
    disabled: r.disabled === 1,
  }));
}

export async function listUsers(db: Db): Promise<UserView[]> {
  return views(db, await db.selectFrom('app_user').selectAll().orderBy('username').execute());
}

export async function getUser(db: Db, id: number): Promise<UserView | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? (await views(db, [r]))[0] : undefined;
}

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export interface NewUserInput {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  agentId?: number | null;
  unitId?: number | null;
}

export async function insertUser(db: Db, u: NewUserInput, now: number): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      agent_id: u.agentId ?? null,
      unit_id: u.unitId ?? null,
      disabled: 0,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setRoles(db, id, u.roles);
  return id;
}

export async function setRoles(db: Db, userId: number, roles: Role[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_role')
      .values([...new Set(roles)].map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

// Sessions: the cookie carries a random value; only its hash is stored, so a leaked table opens nothing.
export async function createSession(db: Db, userId: number, now: number, ttlMs: number) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db
    .insertInto('session')
    .values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now, expires_at: now + ttlMs })
    .execute();
  return { token, csrfToken };
}

export async function findSession(db: Db, token: string, now: number) {
  return db.selectFrom('session').selectAll().where('id', '=', sha256(token)).where('expires_at', '>', now).executeTakeFirst();
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sha256(token)).execute();
}

export async function createApiToken(db: Db, userId: number, name: string, now: number) {
  const token = `zx_${randomToken()}`;
  const { id } = await db
    .insertInto('api_token')
    .values({ user_id: userId, name, token_hash: sha256(token), created_at: now, last_used_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, token };
}

export async function findApiToken(db: Db, token: string) {
  return db.selectFrom('api_token').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
}

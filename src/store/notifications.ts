import type { Db } from './audit.ts';

export interface NewNotification {
  userId: number;
  kind: string;
  text: string;
  link?: string | null;
}

/** Queues notifications for users (schedule changes, urgent orders, escalations); shown in the UI's bell. */
export async function notify(db: Db, items: readonly NewNotification[], at: number): Promise<void> {
  if (items.length === 0) return;
  await db.insertInto('notification').values(notificationRows(items, at)).execute();
}

export function notificationRows(items: readonly NewNotification[], at: number) {
  return items.map((n) => ({ user_id: n.userId, at, kind: n.kind, text: n.text, link: n.link ?? null, read_at: null }));
}

export async function listNotifications(db: Db, userId: number, unreadOnly: boolean, limit: number) {
  let q = db.selectFrom('notification').selectAll().where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    text: r.text,
    link: r.link,
    read: r.read_at != null,
  }));
}

export async function markRead(db: Db, userId: number, ids: readonly number[], at: number): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('id', 'in', [...ids])
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Users holding a role (for notifying e.g. every shift lead or manager). */
export async function usersWithRole(db: Db, role: string): Promise<number[]> {
  const rows = await db
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select('app_user.id')
    .where('user_role.role', '=', role)
    .where('app_user.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

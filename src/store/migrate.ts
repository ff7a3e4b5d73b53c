import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { organisation } from './migrations/0001-organisation.ts';
import { contacts } from './migrations/0002-contacts.ts';
import { workOrders } from './migrations/0003-work-orders.ts';
import { quality } from './migrations/0004-quality.ts';
import { planning } from './migrations/0005-planning.ts';
import { contactRecording } from './migrations/0006-contact-recording.ts';
import { intervalCells } from './migrations/0007-interval-cells.ts';
import { importCursor } from './migrations/0008-import-cursor.ts';
import { qualityRefinements } from './migrations/0009-quality-refinements.ts';
import { doublePrecision } from './migrations/0010-double-precision.ts';
import { schedulePeople } from './migrations/0011-schedule-people.ts';
import { workOrderUnits } from './migrations/0012-work-order-units.ts';
import { importWritePath } from './migrations/0013-import-write-path.ts';
import { restoreDeferredIndexes } from './import-indexes.ts';
import type { Database } from './schema.ts';

/** Every migration in order; one list serves SQLite and PostgreSQL. Later modules append theirs. */
export const migrations: Record<string, Migration> = {
  '0001-organisation': organisation,
  '0002-contacts': contacts,
  '0003-work-orders': workOrders,
  '0004-quality': quality,
  '0005-planning': planning,
  '0006-contact-recording': contactRecording,
  '0007-interval-cells': intervalCells,
  '0008-import-cursor': importCursor,
  '0009-quality-refinements': qualityRefinements,
  '0010-double-precision': doublePrecision,
  '0011-schedule-people': schedulePeople,
  '0012-work-order-units': workOrderUnits,
  '0013-import-write-path': importWritePath,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Numbers are reserved per module (0006 was added after 0007/0008 existed): a database already at 0008
  // must still run 0006, so order is not enforced. Migrations only add, so running a late one is safe.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Indexes a bulk import dropped and did not build again (it was killed): built now.
  await restoreDeferredIndexes(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

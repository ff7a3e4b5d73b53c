import type { Command } from 'commander';
import { openDatabase } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { printJson } from '../output.ts';

export const dbOption = [
  '--db <url>',
  'database: a SQLite file or postgres:// URL (default ZUOXI_DB / DATABASE_URL / ./data/zuoxi.db)',
] as const;

/** Opens the database the command's --db (or the environment) names, runs `fn`, and closes it. */
export async function withDatabase<T>(
  url: string | undefined,
  fn: (h: ReturnType<typeof openDatabase>) => Promise<T>,
): Promise<T> {
  const handle = openDatabase(url);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

export function register(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('bring the database schema up to date')
    .option(...dbOption)
    .option('--json', 'print the result as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await withDatabase(opts.db, async (h) => {
        const applied = await migrateToLatest(h.db);
        if (opts.json) printJson({ database: h.location, applied });
        else process.stdout.write(`${h.location}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
      });
    });
}

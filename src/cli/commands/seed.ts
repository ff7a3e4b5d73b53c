import type { Command } from 'commander';
import { migrateToLatest } from '../../store/migrate.ts';
import { seedDemo } from '../../store/seed/demo.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';
import { dbOption, withDatabase } from './db.ts';

export function register(program: Command): void {
  const seed = program.command('seed').description('fill a database with sample data');
  seed
    .command('demo')
    .description(
      'seed the demo center 示例热线 (organisation and logins, weeks of call history, work orders, QA evaluations, a published schedule of this week and the next) into an empty database',
    )
    .option('--weeks <n>', 'weeks of call history', '8')
    .option(...dbOption)
    .option('--json', 'print the result as JSON')
    .action(async (opts: { weeks: string; db?: string; json?: boolean }) => {
      const weeks = Number(opts.weeks);
      if (!Number.isInteger(weeks) || weeks < 0 || weeks > 104)
        throw new CliError(`--weeks: a whole number from 0 to 104, got "${opts.weeks}"`);
      await withDatabase(opts.db, async (h) => {
        await migrateToLatest(h.db);
        if (await h.db.selectFrom('center').select('id').executeTakeFirst()) {
          throw new CliError(`${h.location} already has a center; the demo goes into an empty database only`);
        }
        const result = await seedDemo(h.db, {
          now: Date.now(),
          weeks,
          log: opts.json ? undefined : (m) => process.stdout.write(`${m}\n`),
        });
        if (opts.json) printJson({ database: h.location, ...result });
        else
          process.stdout.write(`demo logins: ${result.users.map((u) => u.username).join(', ')} (password ${result.password})\n`);
      });
    });
}

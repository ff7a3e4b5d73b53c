import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { importQueueLog } from '../../store/import-queue-log.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';
import { dbOption, withDatabase } from './db.ts';

export function register(program: Command): void {
  const imp = program.command('import').description('import contacts from an ACD');
  imp
    .command('queue-log')
    .description('import an Asterisk queue_log; --follow keeps reading as it grows (resumes after a restart, survives rotation)')
    .argument('<file>', 'path of the queue_log')
    .option('--follow', 'keep following the file until interrupted (Ctrl-C)')
    .option(...dbOption)
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: { follow?: boolean; db?: string; json?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`${file}: no such file`);
      await withDatabase(opts.db, async (h) => {
        await migrateToLatest(h.db);
        const controller = new AbortController();
        const stop = () => controller.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const started = performance.now();
        let lastPrint = 0;
        const result = await importQueueLog(h.db, file, {
          follow: opts.follow,
          signal: controller.signal,
          onProgress: (p) => {
            // Progress on long imports goes to stderr, so --json output stays clean.
            if (performance.now() - lastPrint > 1000) {
              lastPrint = performance.now();
              process.stderr.write(`\r${p.lines.toLocaleString()} lines, ${p.contacts.toLocaleString()} new calls…`);
            }
          },
        });
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        if (lastPrint > 0) process.stderr.write('\n');
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) printJson({ file, ...result, seconds });
        else {
          process.stdout.write(
            `${file}: ${result.lines} lines read, ${result.contacts} new calls, ${result.spans} agent-state spans in ${seconds.toFixed(1)} s\n`,
          );
          for (const e of result.errors.slice(0, 50)) process.stdout.write(`  ${file}:${e.line}: ${e.reason}\n`);
          if (result.errors.length > 50) process.stdout.write(`  … ${result.errors.length - 50} more bad lines\n`);
          for (const [verb, n] of Object.entries(result.unknownEvents))
            process.stdout.write(`  skipped ${n} unknown event(s) ${verb}\n`);
        }
        if (result.errors.length > 0 && !opts.json) process.exitCode = 0;
      });
    });
}

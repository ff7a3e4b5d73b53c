import { resolve } from 'node:path';
import type { Command } from 'commander';
import { buildApp } from '../../server/app.ts';
import { defaultConfig } from '../../server/context.ts';
import { openDatabase } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { seedDemoIfEmpty } from '../../store/seed/demo.ts';
import { CliError } from '../cli-error.ts';
import { dbOption } from './db.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('migrate, seed the demo center into an empty database, and serve the API and web UI')
    .option('--port <n>', 'port (default PORT or 3000)')
    .option('--host <host>', 'address to listen on (default HOST or 0.0.0.0)')
    .option('--no-demo', 'do not seed the demo center into an empty database')
    .option(...dbOption)
    .action(async (opts: { port?: string; host?: string; demo: boolean; db?: string }) => {
      const port = Number(opts.port ?? process.env.PORT ?? 3000);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: not a port number: ${opts.port}`);
      const started = performance.now();
      const handle = openDatabase(opts.db);
      await migrateToLatest(handle.db);
      const seeded = opts.demo
        ? await seedDemoIfEmpty(handle.db, { now: Date.now(), log: (m) => process.stdout.write(`${m}\n`) })
        : null;
      const app = await buildApp({
        db: handle.db,
        dialect: handle.dialect,
        now: Date.now,
        config: {
          ...defaultConfig,
          webRoot: resolve('dist/web'),
          logLevel: process.env.LOG_LEVEL ?? 'warn',
          secureCookies: process.env.ZUOXI_SECURE_COOKIES === '1',
        },
      });
      const host = opts.host ?? process.env.HOST ?? '0.0.0.0';
      await app.listen({ port, host });
      // With --port 0 the system picks a free port: print the one actually bound.
      const address = app.server.address();
      const bound = address && typeof address === 'object' ? address.port : port;
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      const lines = [
        '',
        `座席 Zuoxi is running: http://localhost:${bound}   (database: ${handle.location}; ready in ${secs} s)`,
        `API docs (OpenAPI): http://localhost:${bound}/api/docs`,
      ];
      if (seeded) {
        lines.push(`Demo logins (password for all: ${seeded.password}):`);
        for (const u of seeded.users) lines.push(`  ${u.username.padEnd(12)} ${u.roles.join(', ')}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      const stop = async () => {
        await app.close();
        await handle.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Keep the process alive; commander would otherwise return and main() would set the exit code.
      await new Promise(() => {});
    });
}

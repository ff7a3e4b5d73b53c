import type { Command } from 'commander';
import { isRole, ROLES, type Role } from '../../domain/auth/roles.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../server/auth/passwords.ts';
import { SYSTEM_ACTOR, writeAudit } from '../../store/audit.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { findUserByUsername, getUser, insertUser } from '../../store/users.ts';
import { CliError } from '../cli-error.ts';
import { printJson } from '../output.ts';
import { dbOption, withDatabase } from './db.ts';

export function register(program: Command): void {
  const users = program.command('users').description('user accounts');
  users
    .command('create')
    .description('create a user (the password is read from ZUOXI_PASSWORD or --password)')
    .requiredOption('--username <name>', 'login name')
    .option('--display-name <name>', 'name shown in the UI (default: the username)')
    .requiredOption('--roles <list>', `comma-separated roles: ${ROLES.join(', ')}`)
    .option('--password <password>', 'password (prefer the ZUOXI_PASSWORD environment variable: it stays out of shell history)')
    .option(...dbOption)
    .option('--json', 'print the created user as JSON')
    .action(
      async (opts: { username: string; displayName?: string; roles: string; password?: string; db?: string; json?: boolean }) => {
        const roles = opts.roles
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean);
        const unknown = roles.filter((r) => !isRole(r));
        if (roles.length === 0 || unknown.length > 0) {
          throw new CliError(`--roles: unknown role(s) ${unknown.join(', ') || '(none given)'}; allowed: ${ROLES.join(', ')}`);
        }
        const password = opts.password ?? process.env.ZUOXI_PASSWORD;
        if (!password || password.length < MIN_PASSWORD_LENGTH) {
          throw new CliError(`--password: at least ${MIN_PASSWORD_LENGTH} characters required (or set ZUOXI_PASSWORD)`);
        }
        await withDatabase(opts.db, async (h) => {
          await migrateToLatest(h.db);
          if (await findUserByUsername(h.db, opts.username)) throw new CliError(`--username: ${opts.username} already exists`);
          const passwordHash = await hashPassword(password);
          const user = await h.db.transaction().execute(async (tx) => {
            const id = await insertUser(
              tx,
              { username: opts.username, displayName: opts.displayName ?? opts.username, passwordHash, roles: roles as Role[] },
              Date.now(),
            );
            const after = await getUser(tx, id);
            await writeAudit(tx, SYSTEM_ACTOR, { action: 'create', entity: 'user', entityId: id, after }, Date.now());
            return after;
          });
          if (opts.json) printJson(user);
          else process.stdout.write(`created user ${opts.username} (${roles.join(', ')})\n`);
        });
      },
    );
}

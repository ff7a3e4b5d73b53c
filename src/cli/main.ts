import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error.ts';
import { commands } from './commands/index.ts';

/** Builds the `zuoxi` program; each command module adds its own subcommand(s). */
export function buildProgram(): Command {
  const program = new Command('zuoxi')
    .description('座席 Zuoxi — contact-center operations platform')
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 failure, 2 bad input). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof CliError) {
      process.stderr.write(`zuoxi: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`zuoxi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

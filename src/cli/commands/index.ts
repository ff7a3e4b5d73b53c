import type { Command } from 'commander';
import { register as registerCalendar } from './calendar.ts';
import { register as registerDb } from './db.ts';
import { register as registerForecast } from './forecast.ts';
import { register as registerImport } from './import.ts';
import { register as registerQa } from './qa.ts';
import { register as registerReport } from './report.ts';
import { register as registerSchedule } from './schedule.ts';
import { register as registerSeed } from './seed.ts';
import { register as registerServe } from './serve.ts';
import { register as registerSimulate } from './simulate.ts';
import { register as registerStaffing } from './staffing.ts';
import { register as registerUsers } from './users.ts';

/** Every CLI command module registers its subcommands on the program. Add one line per module. */
export const commands: Array<(program: Command) => void> = [
  registerServe,
  registerDb,
  registerSeed,
  registerUsers,
  registerImport,
  registerReport,
  registerQa,
  registerCalendar,
  registerForecast,
  registerSchedule,
  registerStaffing,
  registerSimulate,
];

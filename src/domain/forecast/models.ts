import { calendarRegression } from './calendar-regression.ts';
import { holtWinters } from './holt-winters.ts';
import type { Model, ModelName } from './model.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { weekdayProfile } from './weekday-profile.ts';

export { calendarFeatures } from './calendar-features.ts';
export { MODEL_NAMES, type Model, type ModelName } from './model.ts';
export { calendarRegression, holtWinters, seasonalNaive, weekdayProfile };

/** Every model by the name the CLI, the API and the backtest table use. */
export const MODELS: Record<ModelName, Model> = {
  naive: seasonalNaive,
  profile: weekdayProfile,
  'holt-winters': holtWinters,
  regression: calendarRegression,
};

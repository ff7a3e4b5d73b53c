/**
 * Former home of the working-time functions; they live in business-calendar.ts and opening-hours.ts now.
 * Kept so existing imports (server routes, store) work unchanged.
 */
export {
  addWorkingDays,
  addWorkingHours,
  type BusinessCalendar,
  isOpen,
  windowsOn,
  workingMsBetween,
} from './business-calendar.ts';
export { validateHours } from './opening-hours.ts';

import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { forecastRoutes } from './forecast.ts';
import { ingestRoutes } from './ingest.ts';
import { notificationRoutes } from './notifications.ts';
import { organisationRoutes } from './organisation.ts';
import { qaSampleRoutes } from './qa-samples.ts';
import { qualityRoutes } from './quality.ts';
import { reportRoutes } from './reports.ts';
import { rosterRoutes } from './roster.ts';
import { scheduleChangeRoutes } from './schedule-changes.ts';
import { schedulePeopleRoutes } from './schedule-people.ts';
import { scheduleRoutes } from './schedules.ts';
import { staffingRoutes } from './staffing.ts';
import { userRoutes } from './users.ts';
import { workOrderRoutes } from './work-orders.ts';

/** Every domain's routes, as Fastify plugins. Add one line per domain. */
export const routePlugins: Array<(app: FastifyInstance) => Promise<void>> = [
  authRoutes,
  organisationRoutes,
  rosterRoutes,
  userRoutes,
  auditRoutes,
  notificationRoutes,
  ingestRoutes,
  reportRoutes,
  workOrderRoutes,
  staffingRoutes,
  forecastRoutes,
  qualityRoutes,
  qaSampleRoutes,
  scheduleRoutes,
  schedulePeopleRoutes,
  scheduleChangeRoutes,
];

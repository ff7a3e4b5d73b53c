/** Former home of the work-order rates; they live in metrics.ts now. Kept so existing imports work unchanged. */
export { backlogAgeing, type OrderFacts, orderRates } from './metrics.ts';

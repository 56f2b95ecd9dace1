export { limitRules } from './limitRules.js';
export type { ValidationRule } from './limitRules.js';
export {
  costLimit,
  costRefusal,
  estimateCost,
  operationCost,
  ASSUMED_LIST_SIZE,
} from './costLimit.js';
export type { Cost } from './costLimit.js';
export { exceedsTokens, tokenRefusal } from './tokenLimit.js';

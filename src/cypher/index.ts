export { servicesByIds, listServices, toServiceRecord } from './services.js';
export type { ServiceRecord } from './services.js';

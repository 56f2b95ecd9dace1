export { createLogger, errorFields } from './logger.js';
export type { Logger, LogFields, LogSink } from './logger.js';

export { createLogger, errorFields, LOG_LEVELS } from './logger.js';
export type { Logger, LogFields, LogLevel, LogSink } from './logger.js';

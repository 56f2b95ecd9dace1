export { loadConfig, ConfigError, LOG_LEVELS } from './loadConfig.js';
export { DEFAULT_QUERY_LIMITS } from './limitsConfig.js';
export type { Config, DatabaseConfig, LogLevel } from './loadConfig.js';
export type { AuthConfig, JwtConfig } from './authConfig.js';
export type { LimitsConfig } from './limitsConfig.js';

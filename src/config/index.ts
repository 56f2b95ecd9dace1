export { loadConfig, ConfigError, LOG_LEVELS } from './loadConfig.js';
export type { Config, DatabaseConfig, LogLevel } from './loadConfig.js';
export type { AuthConfig, JwtConfig } from './authConfig.js';

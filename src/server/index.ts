export { startServer } from './createServer.js';
export { EXPLORER_PATH } from './explorer.js';
export type { RunningServer, ServerOptions } from './createServer.js';
export { checkReadiness } from './readiness.js';
export type { Readiness } from './readiness.js';

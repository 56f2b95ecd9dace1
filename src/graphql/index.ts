export { loadTypeDefs, SCHEMA_DIR } from './loadTypeDefs.js';

export { APOLLO_CLIENT_CODES, ErrorCode } from './codes.js';
export { ApiError, IdTakenError, badInput, notFound } from './apiError.js';
export { fromNeo4jError } from './fromNeo4j.js';
export { shown } from './shown.js';

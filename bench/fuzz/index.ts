export { ALLOWED_CODES, judgeResponse } from './judgeResponse.js';
export type { Exchange, Judgement } from './judgeResponse.js';
export { FuzzObserver } from './fuzzObserver.js';
export type { Finding, FuzzCounts, ObservedExchange } from './fuzzObserver.js';
export { KNOWN_BUGS, knownBugOf } from './knownBugs.js';
export { fuzzSchema, knownIds } from './fuzzTarget.js';
export { runOwnFuzzer, type FuzzKeys } from './runOwnFuzzer.js';
export { startObservingProxy } from './observingProxy.js';
export {
  ensureFuzzVenv,
  fuzzWithSchemathesis,
  runSchemathesis,
  type SchemathesisResult,
} from './runSchemathesis.js';
export { sendRequest } from './sendRequest.js';
export { writeEffect } from './writeEffect.js';

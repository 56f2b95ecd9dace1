export * from './enums.js';
export * from './graphModel.js';
export * from './partialDate.js';
export * from './timeSpans.js';
export * from './interval.js';

export { toGraphML, toGEXF } from './graphFormats.js';

export * from './types.js';
export * from './errors.js';
export { sniffImageType } from './sniff.js';

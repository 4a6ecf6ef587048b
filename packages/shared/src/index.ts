export * from './collections.js';
export * from './errors.js';
export * from './catalog.js';
export * from './packs.js';
export * from './callables.js';
export * from './api/catalog.js';
export * from './api/billing.js';
export * from './docs.js';

/** Names of every callable function, so clients never spell them by hand. */
export const CALLABLES = {
  getCatalog: 'getCatalog',
  describeImage: 'describeImage',
  generateImage: 'generateImage',
  generateComparison: 'generateComparison',
  deleteGeneration: 'deleteGeneration',
  createCheckoutSession: 'createCheckoutSession',
  ensureProfile: 'ensureProfile',
  requestAccountDeletion: 'requestAccountDeletion',
  cancelAccountDeletion: 'cancelAccountDeletion',
  exportMyData: 'exportMyData',
  createExtensionToken: 'createExtensionToken',
} as const;
export type CallableName = (typeof CALLABLES)[keyof typeof CALLABLES];

/** Region every function is deployed to. */
export const FUNCTIONS_REGION = 'asia-northeast1';

/** Header the extension sets on every call so the access log can record its version. */
export const EXTENSION_VERSION_HEADER = 'x-mimicit-extension-version';

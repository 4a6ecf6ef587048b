// Only re-exports; global options must be imported before any trigger module.
import './lib/global-options.js';

export { getCatalog } from './catalog/get-catalog.js';
export { describeImage } from './generation/describe-image.js';
export { generateImage } from './generation/generate-image.js';
export { generateComparison } from './generation/generate-comparison.js';
export { deleteGeneration } from './generation/delete-generation.js';
export { sweepStuckGenerations } from './generation/sweep-stuck-generations.js';
export { checkModels } from './models/check-models.js';
export { ensureProfile } from './account/ensure-profile.js';
export { requestAccountDeletion } from './account/request-account-deletion.js';
export { cancelAccountDeletion } from './account/cancel-account-deletion.js';
export { exportMyData } from './account/export-my-data.js';
export { purgeExpiredData } from './account/purge-expired-data.js';
export { createExtensionToken } from './extension-bridge/create-extension-token.js';
export { createCheckoutSession } from './billing/create-checkout-session.js';
export { stripeWebhook } from './billing/stripe-webhook.js';

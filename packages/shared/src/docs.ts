/**
 * Firestore document shapes (zod). Timestamps are `Date` here: each side's converter turns
 * Firestore Timestamps into Dates before parsing. Server-only fields are marked.
 *
 * Stored documents are parsed with these schemas wherever they are read (collections/), so a
 * schema describes every document any deployed version wrote: a field added later is optional
 * (or the older documents would stop reading), and unknown fields are dropped, not refused, so
 * an instance of the previous release can still read what a newer one wrote during a rollout.
 */
import { z } from 'zod';
import { ASPECT_RATIOS, LIMITS, REFERENCE_ROLES, RESOLUTIONS, SEED_MAX } from './catalog.js';
import { CURRENCIES } from './packs.js';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export const PROMPT_STYLES = ['natural', 'tags', 'midjourney', 'stable-diffusion'] as const;
export type PromptStyle = (typeof PROMPT_STYLES)[number];

/** Settings a client may change on its own user document. */
export const userSettingsSchema = z.object({
  defaultPromptModel: z.string().max(64).optional(),
  defaultImageModel: z.string().max(64).optional(),
  promptStyle: z.enum(PROMPT_STYLES).optional(),
  promptLanguage: z.enum(LOCALES).optional(),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;

export const userDocSchema = z.object({
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  photoURL: z.string().nullable(),
  locale: z.enum(LOCALES),
  settings: userSettingsSchema,
  /** Server-only. Integer credit balance; equals the sum of ledger deltas. */
  credits: z.number().int().nonnegative(),
  /** Server-only. True once the signup grant was given (exactly once per account). */
  signupGranted: z.boolean(),
  /** Server-only. Set when a refund took back more credits than were unspent. */
  flagged: z.boolean().optional(),
  flagReason: z.string().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** Server-only. Start and count of the current one-minute request window (rate limiting). */
  rateWindowStart: z.date().optional(),
  rateCount: z.number().int().nonnegative().optional(),
  /** Server-only deletion state. */
  deletionRequestedAt: z.date().optional(),
  purgeAfter: z.date().optional(),
  /** Server-only. Failed purge attempts, and when the purge tries this account again. */
  purgeAttempts: z.number().int().nonnegative().optional(),
  purgeRetryAt: z.date().optional(),
});
export type UserDoc = z.infer<typeof userDocSchema>;

export const GENERATION_KINDS = ['prompt', 'image'] as const;
export const GENERATION_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

/** A stored reference: its role, or `plain` where the request gave none. Never the image. */
export const STORED_REFERENCE_ROLES = [...REFERENCE_ROLES, 'plain'] as const;
export type StoredReferenceRole = (typeof STORED_REFERENCE_ROLES)[number];

export const generationSettingsSchema = z.object({
  aspectRatio: z.enum(ASPECT_RATIOS).optional(),
  resolution: z.enum(RESOLUTIONS).optional(),
  count: z.number().int().min(1).max(4).optional(),
  style: z.enum(PROMPT_STYLES).optional(),
  language: z.enum(LOCALES).optional(),
  variants: z.number().int().min(1).max(4).optional(),
  withReference: z.boolean().optional(),
  /**
   * One entry per reference image, in the order sent: its role (`plain` where none). Its length
   * is the number of references. The images and their addresses are never stored.
   */
  referenceRoles: z.array(z.enum(STORED_REFERENCE_ROLES)).max(LIMITS.maxReferences).optional(),
  /** The seed the provider ran with, for models that take one (Reproduce sends it again). */
  seed: z.number().int().min(0).max(SEED_MAX).optional(),
  /** Set when this generation was one of a comparison run. */
  comparisonId: z.string().optional(),
});
export type GenerationSettings = z.infer<typeof generationSettingsSchema>;

/** A stored image file: where it is, what it is, how big. */
export const storedImageSchema = z.object({
  path: z.string(),
  contentType: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
});
export type StoredImage = z.infer<typeof storedImageSchema>;

/**
 * A result image stored under `users/{uid}/generations/{id}-{n}.{ext}`, with its small WebP
 * thumbnail next to it (`{id}-{n}.thumb.webp`; absent on images saved before thumbnails).
 */
export const generatedImageSchema = storedImageSchema.extend({
  thumbnail: storedImageSchema.optional(),
});
export type GeneratedImage = z.infer<typeof generatedImageSchema>;

/** `users/{uid}/generations/{id}`. The client may change `favorite` only. */
export const generationDocSchema = z.object({
  kind: z.enum(GENERATION_KINDS),
  status: z.enum(GENERATION_STATUSES),
  model: z.string(),
  provider: z.string(),
  settings: generationSettingsSchema,
  /** The prompt the person sent (image generations). */
  prompt: z.string().optional(),
  /** Prompts written by a vision model (prompt generations); the first is the main one. */
  resultPrompts: z.array(z.string()).optional(),
  negativePrompt: z.string().optional(),
  images: z.array(generatedImageSchema).optional(),
  /** Lower-case words of prompt and model, for search (`array-contains`). */
  searchTokens: z.array(z.string()).optional(),
  cost: z.number().int().nonnegative(),
  /** True once the reservation was refunded (failed generations are never charged). */
  refunded: z.boolean(),
  favorite: z.boolean(),
  failureReason: z.string().optional(),
  failureCode: z.string().optional(),
  requestId: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  completedAt: z.date().optional(),
  /** Deadline after which the sweeper refunds a stuck `pending` generation. */
  expiresAt: z.date(),
  /**
   * Server-only. The id of the call that reserved it, and of the call that took it out of
   * `pending`: a transaction rerun after its commit landed recognises its own write by them.
   */
  attemptId: z.string().optional(),
  settledBy: z.string().optional(),
});
export type GenerationDoc = z.infer<typeof generationDocSchema>;

export const LEDGER_REASONS = [
  'grant',
  'purchase',
  'generation',
  'refund',
  'clawback',
  'adjustment',
] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];

/** `users/{uid}/ledger/{id}`. Server-only writes; owner reads. */
export const ledgerEntrySchema = z.object({
  delta: z.number().int(),
  reason: z.enum(LEDGER_REASONS),
  /** Generation id, checkout session id, refund id… */
  ref: z.string(),
  balanceAfter: z.number().int(),
  createdAt: z.date(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const PAYMENT_STATUSES = [
  'pending',
  'paid',
  'failed',
  'expired',
  'refunded',
  'partially_refunded',
] as const;

/** `payments/{checkoutSessionId}`. Server-only; kept for the legal period, uid minimized after deletion. */
export const paymentDocSchema = z.object({
  uid: z.string(),
  /** True once `uid` was replaced by a keyed hash after account deletion. */
  minimized: z.boolean(),
  packId: z.string(),
  credits: z.number().int().positive(),
  amount: z.number().int().nonnegative(),
  currency: z.enum(CURRENCIES),
  status: z.enum(PAYMENT_STATUSES),
  /** True once the credits were granted (one grant per session). */
  granted: z.boolean(),
  paymentIntentId: z.string().optional(),
  amountRefunded: z.number().int().nonnegative().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /**
   * Deletion date: 7 years after the payment (TTL policy on `payments.expireAt`). Records
   * written before retention dates existed lack it; the purge and the webhook give them one
   * from their creation (`paymentExpireAt`).
   */
  expireAt: z.date().optional(),
});
export type PaymentDoc = z.infer<typeof paymentDocSchema>;

/** `stripeEvents/{eventId}`: processed webhook events (idempotency). Server-only. */
export const stripeEventDocSchema = z.object({
  type: z.string(),
  processedAt: z.date(),
  expireAt: z.date(),
});
export type StripeEventDoc = z.infer<typeof stripeEventDocSchema>;

/** `accessLogs/{id}`: never page URLs, prompts or images. Server-only; TTL on `expireAt`. */
export const accessLogDocSchema = z.object({
  uid: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  extensionVersion: z.string().nullable(),
  operation: z.string(),
  at: z.date(),
  expireAt: z.date(),
});
export type AccessLogDoc = z.infer<typeof accessLogDocSchema>;

/** `stripeCustomers/{uid}`: the Stripe customer id, kept server-side only. */
export const stripeCustomerDocSchema = z.object({
  customerId: z.string(),
  createdAt: z.date(),
});
export type StripeCustomerDoc = z.infer<typeof stripeCustomerDocSchema>;

/**
 * `accountTombstones/{ownerHash}`: marks a purged account so that no late call or webhook can
 * create it again. The id is HMAC-SHA256(PAYMENT_HASH_KEY, uid): no personal data in clear.
 * Server-only; TTL on `expireAt`.
 */
export const accountTombstoneDocSchema = z.object({
  purgedAt: z.date(),
  expireAt: z.date(),
});
export type AccountTombstoneDoc = z.infer<typeof accountTombstoneDocSchema>;

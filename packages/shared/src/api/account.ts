/**
 * Account lifecycle and privacy-rights callables: profile, deletion, export, and the
 * extension sign-in bridge. Times cross the wire as ISO-8601 strings (callables encode JSON,
 * where a `Date` would arrive as `{}`).
 */
import { z } from 'zod';
import {
  GENERATION_KINDS,
  GENERATION_STATUSES,
  LEDGER_REASONS,
  LOCALES,
  PAYMENT_STATUSES,
  generationSettingsSchema,
  storedImageSchema,
  userSettingsSchema,
} from '../docs.js';
import { CURRENCIES } from '../packs.js';

const isoDate = z.iso.datetime();

/**
 * Days between a deletion request and the purge. The daily purge job runs within a day of
 * `purgeAfter`, so personal data is gone at most `ACCOUNT_DELETION_GRACE_DAYS + 1` days after the
 * request, well inside the 30 days the privacy policy promises.
 */
export const ACCOUNT_DELETION_GRACE_DAYS = 14;

/** Exports up to this size come back inline; larger ones as a short-lived link. */
export const EXPORT_INLINE_MAX_BYTES = 1_000_000;

/** Lifetime of every signed link an export hands out (images and the export file). */
export const EXPORT_LINK_TTL_MS = 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// ensureProfile

/**
 * Called by every client right after sign-in. `locale` seeds a new profile; an existing profile
 * keeps the locale the person chose in Profile (clients update `users/{uid}.locale` directly).
 */
export const ensureProfileRequestSchema = z.object({ locale: z.enum(LOCALES).optional() }).strict();
export type EnsureProfileRequest = z.infer<typeof ensureProfileRequestSchema>;

export const profileSchema = z.object({
  uid: z.string(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  photoURL: z.string().nullable(),
  locale: z.enum(LOCALES),
  settings: userSettingsSchema,
  credits: z.number().int().nonnegative(),
  signupGranted: z.boolean(),
  /** Set when a refund took back more credits than were unspent. */
  flagged: z.boolean(),
  createdAt: isoDate,
  /** Null unless the account is scheduled for deletion. */
  deletion: z.object({ requestedAt: isoDate, purgeAfter: isoDate }).nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * Why the signup grant is held back (issue 16): `email-unverified` — the ID token does not say
 * the email is verified. The grant is still owed and comes with the first call whose token does.
 */
export const SIGNUP_GRANT_HOLDS = ['email-unverified'] as const;
export type SignupGrantHold = (typeof SIGNUP_GRANT_HOLDS)[number];

export const ensureProfileResponseSchema = z.object({
  profile: profileSchema,
  /** True when this call gave the signup grant (first sign-in only). */
  granted: z.boolean(),
  /** Null unless the signup grant is owed but held back; the value says why. */
  grantHeld: z.enum(SIGNUP_GRANT_HOLDS).nullable(),
});
export type EnsureProfileResponse = z.infer<typeof ensureProfileResponseSchema>;

// ---------------------------------------------------------------------------------------------
// requestAccountDeletion / cancelAccountDeletion

/** `confirm: true` guards against an accidental call; the UI asks for a typed confirmation. */
export const requestAccountDeletionRequestSchema = z.object({ confirm: z.literal(true) }).strict();
export type RequestAccountDeletionRequest = z.infer<typeof requestAccountDeletionRequestSchema>;

export const requestAccountDeletionResponseSchema = z.object({
  requestedAt: isoDate,
  /** Everything left (profile, credits, ledger, logs, sign-in) is purged on the first daily run after this. */
  purgeAfter: isoDate,
  graceDays: z.number().int().positive(),
  deletedGenerations: z.number().int().nonnegative(),
  deletedFiles: z.number().int().nonnegative(),
});
export type RequestAccountDeletionResponse = z.infer<typeof requestAccountDeletionResponseSchema>;

export const cancelAccountDeletionRequestSchema = z.object({}).strict().optional();
export const cancelAccountDeletionResponseSchema = z.object({ profile: profileSchema });
export type CancelAccountDeletionResponse = z.infer<typeof cancelAccountDeletionResponseSchema>;

// ---------------------------------------------------------------------------------------------
// exportMyData: the versioned export format (documented in docs/data-export.md)

export const exportImageSchema = z.object({
  path: z.string(),
  contentType: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  /** Signed download link, valid until `urlExpiresAt`; null when the file is missing. */
  url: z.string().nullable(),
  urlExpiresAt: isoDate.nullable(),
  /**
   * The small WebP copy History lists draw (null for images saved before thumbnails). Listed
   * without a link: it is derived from the image linked above and holds nothing more, and a
   * second signed link per image would double the export's signing calls.
   */
  thumbnail: storedImageSchema.nullable(),
});

export const exportGenerationSchema = z.object({
  id: z.string(),
  kind: z.enum(GENERATION_KINDS),
  status: z.enum(GENERATION_STATUSES),
  model: z.string(),
  provider: z.string(),
  settings: generationSettingsSchema,
  prompt: z.string().nullable(),
  resultPrompts: z.array(z.string()),
  negativePrompt: z.string().nullable(),
  cost: z.number().int().nonnegative(),
  refunded: z.boolean(),
  favorite: z.boolean(),
  failureReason: z.string().nullable(),
  createdAt: isoDate,
  completedAt: isoDate.nullable(),
  images: z.array(exportImageSchema),
});

export const exportLedgerEntrySchema = z.object({
  id: z.string(),
  delta: z.number().int(),
  reason: z.enum(LEDGER_REASONS),
  ref: z.string(),
  balanceAfter: z.number().int(),
  createdAt: isoDate,
});

export const exportPaymentSchema = z.object({
  /** The Stripe Checkout Session id. */
  id: z.string(),
  packId: z.string(),
  credits: z.number().int().positive(),
  amount: z.number().int().nonnegative(),
  currency: z.enum(CURRENCIES),
  status: z.enum(PAYMENT_STATUSES),
  amountRefunded: z.number().int().nonnegative(),
  createdAt: isoDate,
});

export const exportAccessLogSchema = z.object({
  operation: z.string(),
  at: isoDate,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  extensionVersion: z.string().nullable(),
});

/** Version 1 of the Mimicit data export. Additive changes keep the version; others bump it. */
export const mimicitExportSchema = z
  .object({
    format: z.literal('mimicit-export'),
    formatVersion: z.literal(1),
    exportedAt: isoDate,
    account: z.object({
      uid: z.string(),
      displayName: z.string().nullable(),
      email: z.string().nullable(),
      photoURL: z.string().nullable(),
      locale: z.enum(LOCALES),
      credits: z.number().int().nonnegative(),
      createdAt: isoDate.nullable(),
      deletion: z.object({ requestedAt: isoDate, purgeAfter: isoDate }).nullable(),
    }),
    settings: userSettingsSchema,
    ledger: z.array(exportLedgerEntrySchema),
    payments: z.array(exportPaymentSchema),
    generations: z.array(exportGenerationSchema),
    accessLogs: z.array(exportAccessLogSchema),
  })
  .strict();
export type MimicitExport = z.infer<typeof mimicitExportSchema>;

export const exportMyDataRequestSchema = z.object({}).strict().optional();

export const exportMyDataResponseSchema = z.discriminatedUnion('delivery', [
  z.object({ delivery: z.literal('inline'), document: mimicitExportSchema }),
  z.object({
    delivery: z.literal('link'),
    /** Signed link to `exports/{uid}/mimicit-export-<ms>.json`; the file is removed after a day. */
    url: z.string(),
    expiresAt: isoDate,
    bytes: z.number().int().positive(),
  }),
]);
export type ExportMyDataResponse = z.infer<typeof exportMyDataResponseSchema>;

// ---------------------------------------------------------------------------------------------
// createExtensionToken (extension bridge)

/** A Chrome extension id: 32 letters a–p. */
export const EXTENSION_ID_PATTERN = /^[a-p]{32}$/;

export const createExtensionTokenRequestSchema = z
  .object({
    /** The extension the web app hands the token to; the server refuses ids not in EXTENSION_IDS. */
    extensionId: z.string().regex(EXTENSION_ID_PATTERN, 'must be a Chrome extension id'),
  })
  .strict();
export type CreateExtensionTokenRequest = z.infer<typeof createExtensionTokenRequestSchema>;
export const createExtensionTokenResponseSchema = z.object({
  /** A Firebase custom token for the caller's own uid; the extension signs in with it once. */
  token: z.string().min(1),
});
export type CreateExtensionTokenResponse = z.infer<typeof createExtensionTokenResponseSchema>;

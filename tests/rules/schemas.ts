// Each collection's document schema, keyed by collection name. `satisfies` makes a collection
// added to COLLECTIONS without a schema here a type error.
import {
  accessLogDocSchema,
  accountTombstoneDocSchema,
  generationDocSchema,
  ledgerEntrySchema,
  modelOverridesDocSchema,
  modelStatusDocSchema,
  paymentDocSchema,
  stripeCustomerDocSchema,
  stripeEventDocSchema,
  userDocSchema,
  type CollectionName,
} from '@mimicit/shared';
import type { z } from 'zod';

export const DOC_SCHEMAS = {
  users: userDocSchema,
  generations: generationDocSchema,
  ledger: ledgerEntrySchema,
  payments: paymentDocSchema,
  stripeEvents: stripeEventDocSchema,
  accessLogs: accessLogDocSchema,
  stripeCustomers: stripeCustomerDocSchema,
  modelOverrides: modelOverridesDocSchema,
  modelStatus: modelStatusDocSchema,
  accountTombstones: accountTombstoneDocSchema,
} satisfies Record<CollectionName, z.ZodObject>;

/** The field our TTL policies use (`expiresAt` on generations is the sweeper's deadline, not TTL). */
export const TTL_FIELD = 'expireAt';

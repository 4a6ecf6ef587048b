/**
 * Tunables of the generation pipeline, with production defaults. Tests change them through
 * `setDeps({ pipeline })` (e.g. let the intake fetch a fixture server on 127.0.0.1, or raise
 * the per-user limits for a concurrency test); production never does.
 */
import { LIMITS } from '@mimicit/shared';
import { serviceOverride } from '../lib/deps.js';
import type { AddressPolicy } from './intake/address-policy.js';
import type { Resolver } from './intake/safe-fetch.js';
import { LONGEST_PROVIDER_TIMEOUT_MS } from './providers/table.js';

/** The callables' own deadline (seconds); providers and intake finish well inside it. */
export const GENERATION_TIMEOUT_SECONDS = 300;

/** A pending generation older than this was abandoned (crash, deploy): the sweeper refunds it. */
export const PENDING_TTL_MS =
  Math.max(LONGEST_PROVIDER_TIMEOUT_MS, GENERATION_TIMEOUT_SECONDS * 1000) + 5 * 60 * 1000;

export interface PipelineOptions {
  maxConcurrentPending: number;
  maxRequestsPerMinute: number;
  intake: { policy?: AddressPolicy; resolve?: Resolver; fetchTimeoutMs?: number };
}

const defaults: PipelineOptions = {
  maxConcurrentPending: LIMITS.maxConcurrentPending,
  maxRequestsPerMinute: LIMITS.maxRequestsPerMinute,
  intake: {},
};

/** The production defaults, with whatever `setDeps({ pipeline })` changed. */
export function pipelineOptions(): PipelineOptions {
  const changed = serviceOverride('pipeline');
  return changed ? { ...defaults, ...changed } : defaults;
}

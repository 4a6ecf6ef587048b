/**
 * The effective catalog this instance serves: the code catalog, with the operator's overrides
 * (`modelOverrides/catalog`) and the retirement marks (`modelStatus/*`) merged over it. Read
 * through the data-access Store and cached briefly per store, so a change reaches every instance
 * within {@link CATALOG_CACHE_MS} without a deploy and a burst of calls costs two reads.
 */
import * as logger from 'firebase-functions/logger';
import {
  COLLECTIONS,
  effectiveCatalog,
  MODELS,
  modelOverridesDocSchema,
  modelStatusDocSchema,
  paths,
  type CatalogModel,
  type ModelOverridesDoc,
  type ModelStatusDoc,
} from '@mimicit/shared';
import type { Deps } from '../lib/deps.js';
import type { Store } from '../lib/store/types.js';
import { allowPreviewModel } from '../lib/env.js';
import { providerConfigured } from '../generation/providers/registry.js';

/** How long an instance trusts what it read; operators' changes show up within this. */
export const CATALOG_CACHE_MS = 30_000;

const cache = new WeakMap<Store, { at: number; models: CatalogModel[] }>();

/**
 * Every model of this environment, usable or not (the preview model only where allowed). A model
 * whose provider has no key here is greyed out as `not-configured`, so nobody picks it and then
 * meets a configuration error (local mode without keys; production with a secret left unset).
 */
export async function loadCatalog(deps: Pick<Deps, 'store' | 'clock'>): Promise<CatalogModel[]> {
  return (await loadConfiguredCatalog(deps)).map((m) =>
    m.available && !providerConfigured(m.provider)
      ? { ...m, available: false, unavailableReason: 'not-configured' as const }
      : m,
  );
}

/**
 * The catalog as operators and providers left it (overrides, retirements), cached, before the
 * keys of this environment are looked at: what the retirement check asks providers about (a
 * provider without a key is skipped there, not hidden). Keys are checked on every `loadCatalog`.
 */
export async function loadConfiguredCatalog(deps: Pick<Deps, 'store' | 'clock'>): Promise<CatalogModel[]> {
  const now = deps.clock.now().getTime();
  const hit = cache.get(deps.store);
  if (hit && now - hit.at < CATALOG_CACHE_MS) return hit.models;
  const [overrides, statuses] = await Promise.all([readOverrides(deps.store), readStatuses(deps.store)]);
  const allowPreview = allowPreviewModel();
  const models = effectiveCatalog(MODELS, overrides, statuses).filter((m) => allowPreview || !m.previewOnly);
  cache.set(deps.store, { at: now, models });
  return models;
}

/** Forgets the cached catalog of `store` (after this instance wrote a retirement mark). */
export function invalidateCatalog(store: Store): void {
  cache.delete(store);
}

/**
 * The operator's document, validated. An invalid document is logged and ignored as a whole: the
 * code catalog keeps serving rather than a typo taking every model down.
 */
async function readOverrides(store: Store): Promise<ModelOverridesDoc | undefined> {
  const snap = await store.get(paths.modelOverrides());
  if (!snap.data) return undefined;
  const parsed = modelOverridesDocSchema.safeParse(snap.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  logger.error('catalog.overridesInvalid', {
    path: issue?.path.join('.') ?? '',
    message: issue?.message ?? 'invalid',
  });
  return undefined;
}

async function readStatuses(store: Store): Promise<Map<string, ModelStatusDoc>> {
  const snaps = await store.query({ collection: COLLECTIONS.modelStatus, limit: 200 });
  const out = new Map<string, ModelStatusDoc>();
  for (const snap of snaps) {
    const parsed = modelStatusDocSchema.safeParse(snap.data);
    if (parsed.success) out.set(snap.id, parsed.data);
  }
  return out;
}

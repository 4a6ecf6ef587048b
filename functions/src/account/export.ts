/**
 * Builds the caller's data export (format version 1, documented in docs/data-export.md):
 * profile, settings, ledger, payments, every generation with prompts, settings (seed and
 * reference roles included) and a signed link per image (its thumbnail listed), and the access
 * logs kept about them. Only documents of `uid` are read.
 */
import {
  EXPORT_LINK_TTL_MS,
  mimicitExportSchema,
  storagePaths,
  type ExportedCollection,
  type MimicitExport,
} from '@mimicit/shared';
import type { Deps } from '../lib/deps.js';
import type { Snapshot } from '../lib/store/types.js';
import { mapLimit } from '../lib/concurrency.js';
import { defaultUserDoc } from '../credits/ledger.js';
import { deletionState } from './profile.js';
import { readOwned } from './owned.js';

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

/**
 * Signed links made at once. In production each one is an IAM signBlob call (the runtime has no
 * private key): thousands at once exhaust sockets and IAM's quota and fail the whole export.
 */
export const EXPORT_SIGN_CONCURRENCY = 8;

/**
 * Where each collection the registry marks `export: 'included'` goes in the export document: a
 * collection added to the registry with personal data fails to compile here until it has a place
 * (and docs/data-export.md says what it holds).
 */
export const EXPORT_SECTIONS = {
  users: 'account',
  generations: 'generations',
  ledger: 'ledger',
  payments: 'payments',
  accessLogs: 'accessLogs',
} as const satisfies Record<ExportedCollection, keyof MimicitExport>;

/** The rows that exist, as `{ id, data }` with `data` defined. */
function present<T>(rows: Snapshot<T>[]): { id: string; data: T }[] {
  return rows.flatMap(({ id, data }) => (data === undefined ? [] : [{ id, data }]));
}

/** Builds and validates the export document; throws if it does not match the schema. */
export async function buildExport(
  deps: Pick<Deps, 'store' | 'blobs'>,
  uid: string,
  now: Date,
): Promise<MimicitExport> {
  const { store, blobs } = deps;
  // Where each collection's documents of `uid` are comes from the registry (owned.ts).
  const [[userSnap], ledger, payments, generations, logs] = await Promise.all([
    readOwned(store, 'users', uid),
    readOwned(store, 'ledger', uid, [['createdAt', 'asc']]),
    readOwned(store, 'payments', uid),
    readOwned(store, 'generations', uid, [['createdAt', 'desc']]),
    readOwned(store, 'accessLogs', uid),
  ]);
  const user = userSnap?.data ?? defaultUserDoc(now);
  const linkExpiresAt = new Date(now.getTime() + EXPORT_LINK_TTL_MS);

  // One listing instead of a lookup per image: a missing file gets a null link, not an error.
  const files = new Set(await blobs.list(storagePaths.userPrefix(uid)));
  const kept = present(generations);
  const imagePaths = [...new Set(kept.flatMap(({ data }) => (data.images ?? []).map((i) => i.path)))];
  const signedUrls = new Map(
    await mapLimit(imagePaths, EXPORT_SIGN_CONCURRENCY, async (path) => {
      const url = files.has(path) ? await blobs.signedUrl(path, EXPORT_LINK_TTL_MS) : null;
      return [path, url] as const;
    }),
  );

  const document: MimicitExport = {
    format: 'mimicit-export',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    account: {
      uid,
      displayName: user.displayName,
      email: user.email,
      photoURL: user.photoURL,
      locale: user.locale,
      credits: user.credits,
      createdAt: userSnap ? user.createdAt.toISOString() : null,
      deletion: deletionState(userSnap?.data),
    },
    settings: { ...user.settings },
    ledger: present(ledger).map(({ id, data: e }) => ({
      id,
      delta: e.delta,
      reason: e.reason,
      ref: e.ref,
      balanceAfter: e.balanceAfter,
      createdAt: e.createdAt.toISOString(),
    })),
    payments: present(payments)
      .map(({ id, data: p }) => ({
        id,
        packId: p.packId,
        credits: p.credits,
        amount: p.amount,
        currency: p.currency,
        status: p.status,
        amountRefunded: p.amountRefunded ?? 0,
        createdAt: p.createdAt.toISOString(),
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    generations: kept.map(({ id, data: g }) => ({
      id,
      kind: g.kind,
      status: g.status,
      model: g.model,
      provider: g.provider,
      settings: { ...g.settings },
      prompt: g.prompt ?? null,
      resultPrompts: g.resultPrompts ?? [],
      negativePrompt: g.negativePrompt ?? null,
      cost: g.cost,
      refunded: g.refunded,
      favorite: g.favorite,
      failureReason: g.failureReason ?? null,
      createdAt: g.createdAt.toISOString(),
      completedAt: iso(g.completedAt),
      images: (g.images ?? []).map(({ thumbnail, ...img }) => {
        const url = signedUrls.get(img.path) ?? null;
        return {
          ...img,
          url,
          urlExpiresAt: url ? linkExpiresAt.toISOString() : null,
          thumbnail: thumbnail ?? null,
        };
      }),
    })),
    accessLogs: present(logs)
      .map(({ data: l }) => ({
        operation: l.operation,
        at: l.at.toISOString(),
        ip: l.ip,
        userAgent: l.userAgent,
        extensionVersion: l.extensionVersion,
      }))
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
  return mimicitExportSchema.parse(document);
}

/**
 * The money-safe core of every generation: reserve credits and create the `pending` document in
 * one transaction → call the provider → store results → `succeeded`; any failure → `failed` with
 * a human reason and the reservation refunded in one transaction. Ids are deterministic, so a
 * retried request finds its document and is never charged twice.
 */
import { rateLimitInTx } from './rate-limit.js';
import { assertAccountActive } from '../account/profile.js';
import * as logger from 'firebase-functions/logger';
import { collections, type GenerationDoc, type GenerationResult } from '@mimicit/shared';
import type { Deps } from '../lib/deps.js';
import type { Snapshot } from '../lib/store/types.js';
import { DomainError } from '../lib/errors.js';
import { ledgerIds, readAccount, alreadyApplied, writeCreditChange } from '../credits/ledger.js';
import { PENDING_TTL_MS } from './options.js';
import { searchTokens } from './ids.js';
import type { DescribeOutput, ImageBytes } from './providers/types.js';
import { filesOf, storeImages } from './store-images.js';

/** What a new generation starts as (everything but the bookkeeping fields). */
export type NewGeneration = Pick<
  GenerationDoc,
  'kind' | 'model' | 'provider' | 'settings' | 'prompt' | 'cost' | 'requestId' | 'searchTokens'
>;

export interface Reservation {
  id: string;
  /** False when the document already existed (a replay): nothing was charged. */
  created: boolean;
  doc: GenerationDoc;
  /** This call's id, written on the document it created (see {@link reserve}). */
  attemptId: string;
}

/** Builds the pending document. */
export function pendingDoc(gen: NewGeneration, now: Date): GenerationDoc {
  return {
    ...gen,
    status: 'pending',
    refunded: false,
    favorite: false,
    createdAt: now,
    updatedAt: now,
    expiresAt: new Date(now.getTime() + PENDING_TTL_MS),
  };
}

/**
 * Reserves credits for every generation and creates their pending documents, all or nothing.
 * Existing documents (replays) are returned untouched and charge nothing.
 *
 * Each call writes its own `attemptId` on the documents it creates. The Admin SDK reruns a
 * transaction whose commit answered DEADLINE_EXCEEDED/UNAVAILABLE/INTERNAL even when the commit
 * landed; the rerun then finds the documents already there and, without the id, would take its
 * own reservation for a replay and never run the provider.
 */
export async function reserve(
  deps: Deps,
  uid: string,
  items: readonly { id: string; gen: NewGeneration }[],
): Promise<Reservation[]> {
  const now = deps.clock.now();
  const attemptId = deps.store.newId();
  return deps.store.runTransaction(async (tx) => {
    const [account, ...snaps] = await Promise.all([
      readAccount(tx, uid),
      ...items.map((it) => tx.get(collections.generations.doc(uid, it.id))),
    ]);
    const existing = snaps as Snapshot<GenerationDoc>[];
    const fresh = items.filter((_, i) => !existing[i]?.data);
    // An account scheduled for deletion is locked: it may only cancel the deletion.
    if (fresh.length > 0) assertAccountActive(account.user);
    // Replays charge nothing and count nothing; new work passes the limits first (reads before writes).
    const rate = fresh.length > 0 ? await rateLimitInTx(tx, uid, account.user, now, fresh.length) : undefined;
    return items.map((it, i) => {
      const found = existing[i]?.data;
      if (found) return { id: it.id, created: found.attemptId === attemptId, doc: found, attemptId };
      const doc: GenerationDoc = { ...pendingDoc(it.gen, now), attemptId };
      writeCreditChange(
        tx,
        account,
        { entryId: ledgerIds.reservation(it.id), delta: -it.gen.cost, reason: 'generation', ref: it.id },
        now,
        rate,
      );
      tx.create(collections.generations.doc(uid, it.id), { ...doc });
      return { id: it.id, created: true, doc, attemptId };
    });
  });
}

/**
 * Marks a pending generation failed and refunds its reservation, once. Returns false when the
 * generation was not pending any more (already finished, refunded or deleted) — unless this
 * very call (`settledBy`, an id unique to the caller) failed it in a commit that landed before
 * the transaction was rerun.
 */
export async function failAndRefund(
  deps: Deps,
  uid: string,
  id: string,
  failure: { code: string; reason: string },
  settledBy: string = deps.store.newId(),
): Promise<boolean> {
  const now = deps.clock.now();
  return deps.store.runTransaction(async (tx) => {
    const [snap, account, refunded] = await Promise.all([
      tx.get(collections.generations.doc(uid, id)),
      readAccount(tx, uid),
      alreadyApplied(tx, uid, ledgerIds.refund(id)),
    ]);
    const doc = snap.data;
    if (doc?.status === 'failed' && doc.settledBy === settledBy) return true;
    if (!doc || doc.status !== 'pending') return false;
    if (!refunded && doc.cost > 0) {
      writeCreditChange(
        tx,
        account,
        { entryId: ledgerIds.refund(id), delta: doc.cost, reason: 'refund', ref: id },
        now,
      );
    }
    tx.update(collections.generations.doc(uid, id), {
      status: 'failed',
      refunded: true,
      failureCode: failure.code,
      failureReason: failure.reason,
      settledBy,
      updatedAt: now,
      completedAt: now,
    });
    return true;
  });
}

/** The failure a person reads, from anything thrown. Unknown errors never leak internals. */
export function failureOf(err: unknown): { code: string; reason: string } {
  if (err instanceof DomainError && err.reason) return { code: err.reason, reason: err.message };
  return { code: 'internal', reason: 'Something went wrong on our side. Your credits were refunded.' };
}

/**
 * Marks success unless the generation stopped being pending meanwhile (swept); false then. A
 * rerun after this call's own commit landed finds `succeeded` with its `settledBy` and answers
 * true: taking it for a sweep would delete the images of a paid, succeeded generation.
 */
async function markSucceeded(
  deps: Deps,
  uid: string,
  reservation: Reservation,
  fields: Partial<GenerationDoc>,
): Promise<boolean> {
  const now = deps.clock.now();
  const { id, attemptId } = reservation;
  return deps.store.runTransaction(async (tx) => {
    const doc = (await tx.get(collections.generations.doc(uid, id))).data;
    if (doc?.status === 'succeeded' && doc.settledBy === attemptId) return true;
    if (doc?.status !== 'pending') return false;
    tx.update(collections.generations.doc(uid, id), {
      ...fields,
      settledBy: attemptId,
      status: 'succeeded',
      updatedAt: now,
      completedAt: now,
    });
    return true;
  });
}

export type JobOutput = { kind: 'prompt'; result: DescribeOutput } | { kind: 'image'; images: ImageBytes[] };

/**
 * Runs the provider for a reserved generation and records the outcome. Never throws: every
 * failure ends as a `failed`, refunded document.
 */
export async function runReserved(
  deps: Deps,
  uid: string,
  reservation: Reservation,
  work: () => Promise<JobOutput>,
): Promise<GenerationResult> {
  const { id } = reservation;
  const stored: string[] = [];
  try {
    const output = await work();
    let fields: Partial<GenerationDoc>;
    if (output.kind === 'prompt') {
      fields = {
        resultPrompts: output.result.prompts,
        ...(output.result.negativePrompt ? { negativePrompt: output.result.negativePrompt } : {}),
        searchTokens: [
          ...new Set([
            ...(reservation.doc.searchTokens ?? []),
            ...searchTokens(output.result.prompts[0], reservation.doc.model),
          ]),
        ].slice(0, 50),
      };
    } else {
      const { aspectRatio, resolution } = reservation.doc.settings;
      const expected = aspectRatio && resolution ? { aspectRatio, resolution } : undefined;
      const images = await storeImages(deps, uid, id, output.images, expected);
      stored.push(...filesOf(images));
      fields = { images };
    }
    if (!(await markSucceeded(deps, uid, reservation, fields))) {
      // The sweeper already refunded this one; the late result must not be kept for free.
      await Promise.all(stored.map((p) => deps.blobs.delete(p)));
    }
  } catch (err) {
    const failure = failureOf(err);
    if (failure.code === 'internal')
      logger.error('generation.failed', { id, error: String(err).slice(0, 300) });
    else logger.warn('generation.providerFailed', { id, code: failure.code });
    await Promise.all(stored.map((p) => deps.blobs.delete(p).catch(() => undefined)));
    await failAndRefund(deps, uid, id, failure, reservation.attemptId);
  }
  return readResult(deps, uid, id, false);
}

/** The callable's answer for a generation document. */
export function resultOf(id: string, doc: GenerationDoc, replayed: boolean): GenerationResult {
  return {
    generationId: id,
    model: doc.model,
    status: doc.status,
    cost: doc.cost,
    replayed,
    ...(doc.resultPrompts ? { resultPrompts: doc.resultPrompts } : {}),
    ...(doc.negativePrompt ? { negativePrompt: doc.negativePrompt } : {}),
    ...(doc.images ? { imagePaths: doc.images.map((i) => i.path) } : {}),
    ...(doc.images?.length && doc.images.every((i) => i.thumbnail)
      ? { thumbnailPaths: doc.images.map((i) => i.thumbnail!.path) }
      : {}),
    ...(doc.settings.seed !== undefined ? { seed: doc.settings.seed } : {}),
    ...(doc.failureCode ? { failureCode: doc.failureCode } : {}),
    ...(doc.failureReason ? { failureReason: doc.failureReason } : {}),
  };
}

export async function readResult(
  deps: Deps,
  uid: string,
  id: string,
  replayed: boolean,
): Promise<GenerationResult> {
  const snap = await deps.store.get(collections.generations.doc(uid, id));
  if (!snap.data) throw new Error('generation vanished');
  return resultOf(id, snap.data, replayed);
}

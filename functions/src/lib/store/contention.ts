/**
 * How hard the contract suites hammer one document, per tier. Offline, the in-memory store takes
 * hundreds of concurrent transactions and must get every one exactly right. The Firestore
 * emulator locks pessimistically and is known to give up under that much contention on one
 * document (ABORTED, "transaction lock timeout") long before production would: there a few
 * concurrent calls run, a call may end ABORTED (the SDK's retries exhausted), and the suites
 * assert what must hold whatever happened — the balance equals the ledger sum, never below
 * zero, nothing applied twice — and then redeliver what was aborted, as a client or Stripe would.
 */
import { expect } from 'vitest';

export interface Contention {
  /** Concurrent calls on one document. */
  calls: number;
  /** Whether a call may end ABORTED. */
  tolerateAborted: boolean;
}

export const OFFLINE_CONTENTION: Contention = { calls: 200, tolerateAborted: false };
export const EMULATOR_CONTENTION: Contention = { calls: 6, tolerateAborted: true };

/** gRPC ABORTED (10), as the Admin SDK reports a transaction it gave up on. */
export function isAborted(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === 10 || e?.code === 'aborted' || /\bABORTED\b/.test(String(e?.message ?? ''));
}

/**
 * Splits settled results into fulfilled values, expected refusals (`expected(reason)` true) and
 * ABORTED ones; anything else fails the test, and so does ABORTED where it is not tolerated.
 */
export function sortOutcomes<T>(
  results: PromiseSettledResult<T>[],
  contention: Contention,
  expected: (reason: unknown) => boolean = () => false,
): { ok: T[]; refused: unknown[]; aborted: number } {
  const ok: T[] = [];
  const refused: unknown[] = [];
  let aborted = 0;
  for (const r of results) {
    if (r.status === 'fulfilled') ok.push(r.value);
    else if (expected(r.reason)) refused.push(r.reason);
    else if (contention.tolerateAborted && isAborted(r.reason)) aborted++;
    else expect.unreachable(`unexpected failure: ${String(r.reason)}`);
  }
  return { ok, refused, aborted };
}

/**
 * Runs `fn`; where ABORTED is tolerated, runs it again after an ABORTED (as a client retrying a
 * call, or Stripe redelivering an event, would), up to five times.
 */
export async function retriedIfAborted<T>(contention: Contention, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!contention.tolerateAborted || !isAborted(err) || attempt >= 5) throw err;
    }
  }
}

/** Bounded concurrency for fan-out over remote calls (IAM, Auth admin, Storage). */

/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order.
 * Rejects with the first failure (calls already started are let finish).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

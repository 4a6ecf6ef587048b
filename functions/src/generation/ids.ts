import { createHash } from 'node:crypto';

/**
 * The generation id for a user's request id: deterministic, so a retried call lands on the same
 * document (and the same ledger entries) and can never charge twice. `part` tells apart the
 * generations of one comparison request.
 */
export function generationIdFor(uid: string, requestId: string, part = ''): string {
  const digest = createHash('sha256').update(`${uid}:${requestId}:${part}`).digest('base64url');
  return digest.replace(/[-_]/g, '').slice(0, 24);
}

/** Lower-case words of the prompt plus the model id, for `array-contains` search (at most 50). */
export function searchTokens(text: string | undefined, modelId: string): string[] {
  const words = (text ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= 40);
  return [...new Set([modelId, ...words])].slice(0, 50);
}

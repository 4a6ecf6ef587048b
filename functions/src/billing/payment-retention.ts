/**
 * How long a payment record is kept: the privacy policy promises "up to 7 years" (tax law), so
 * every `payments/{sessionId}` carries `expireAt`, 7 calendar years after the money moved (or
 * after checkout started, while nothing was paid), and a Firestore TTL policy on
 * `payments.expireAt` deletes it then. The daily purge deletes expired records as a backstop.
 */
import { RETENTION } from '@mimicit/shared';

/** `from` + {@link RETENTION.paymentYears} calendar years (UTC). */
export function paymentExpireAt(from: Date): Date {
  const at = new Date(from.getTime());
  at.setUTCFullYear(at.getUTCFullYear() + RETENTION.paymentYears);
  return at;
}

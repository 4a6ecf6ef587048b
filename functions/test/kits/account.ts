/**
 * Test doubles and fixtures for the account features, used only by tests: a fake
 * {@link AuthAdmin} at the Auth boundary and a seeder that gives a user a full footprint
 * (profile, history with images, ledger, payment, logs, export, server-side records).
 */
import { createHash } from 'node:crypto';
import { collections, storagePaths, type UserDoc } from '@mimicit/shared';
import type { BlobStore } from '../../src/lib/blobs/types.js';
import type { Store, WriteOp } from '../../src/lib/store/types.js';
import { addDays } from '../../src/lib/clock.js';
import { sessionStateOf, type AuthAdmin, type SessionState } from '../../src/account/auth-admin.js';

export interface FakeAuthUser {
  disabled: boolean;
  sessionsRevoked: number;
}

/** In-memory Auth users; records what the code under test did to them. */
export class FakeAuthAdmin implements AuthAdmin {
  readonly users = new Map<string, FakeAuthUser>();
  readonly deleted: string[] = [];
  readonly tokens: string[] = [];
  /** `tokensValidAfterTime` per uid, set by {@link revokeSessions} from `now()`. */
  readonly validAfter = new Map<string, string>();

  /** `now` stamps revocations (a test's manual clock). */
  constructor(private readonly now: () => Date = () => new Date()) {}

  add(...uids: string[]): this {
    for (const uid of uids) this.users.set(uid, { disabled: false, sessionsRevoked: 0 });
    return this;
  }
  async disable(uid: string): Promise<void> {
    const u = this.users.get(uid);
    if (u) u.disabled = true;
  }
  async revokeSessions(uid: string): Promise<void> {
    const u = this.users.get(uid);
    if (u) u.sessionsRevoked++;
    if (u) this.validAfter.set(uid, this.now().toUTCString());
  }
  async delete(uid: string): Promise<void> {
    if (this.users.delete(uid)) this.deleted.push(uid);
  }
  async sessionState(uid: string, authTimeSeconds: number | undefined): Promise<SessionState> {
    const u = this.users.get(uid);
    if (!u) return 'missing';
    return sessionStateOf(u.disabled, this.validAfter.get(uid), authTimeSeconds);
  }
  async createCustomToken(uid: string): Promise<string> {
    const token = `custom-token.${uid}.${this.tokens.length}`;
    this.tokens.push(token);
    return token;
  }
}

/** Distinct, searchable personal values of a seeded user, for "nothing of theirs remains" checks. */
export function personalValues(uid: string) {
  return {
    uid,
    email: `${uid}@example.com`,
    name: `Name of ${uid}`,
    prompt: `a lighthouse painted by ${uid}`,
    ip: `198.51.100.${(uid.charCodeAt(uid.length - 1) % 200) + 1}`,
    customer: `cus_${uid}`,
  };
}

/** A Stripe-like Checkout Session id for the user's seeded payment (it does not contain the uid). */
export function seededSessionId(uid: string): string {
  return `cs_test_${createHash('sha256').update(uid).digest('hex').slice(0, 24)}`;
}

/**
 * Writes a complete footprint for `uid` at `now`: profile (11 credits), 3 generations (two with
 * an image file), 3 ledger entries, 1 paid payment, 2 access logs, the Stripe customer and rate
 * limit records, and one fresh export file.
 */
export async function seedUser(store: Store, blobs: BlobStore, uid: string, now: Date): Promise<void> {
  const v = personalValues(uid);
  const user: UserDoc = {
    displayName: v.name,
    email: v.email,
    photoURL: `https://lh3.googleusercontent.com/${uid}`,
    locale: 'ja',
    settings: { promptStyle: 'tags', defaultImageModel: 'gpt-image-1' },
    credits: 11,
    signupGranted: true,
    createdAt: now,
    updatedAt: now,
  };
  const session = seededSessionId(uid);
  const ops: WriteOp[] = [{ kind: 'set', path: collections.users.doc(uid), data: { ...user } }];
  for (let i = 0; i < 3; i++) {
    const id = `gen${i}`;
    const createdAt = new Date(now.getTime() + i * 1000);
    const images =
      i < 2
        ? [
            {
              path: storagePaths.generationImage(uid, `${id}-0`, 'png'),
              contentType: 'image/png',
              width: 64,
              height: 64,
              bytes: 3,
            },
          ]
        : [];
    for (const img of images) await blobs.save(img.path, new Uint8Array([1, 2, 3]), img.contentType);
    ops.push({
      kind: 'set',
      path: collections.generations.doc(uid, id),
      data: {
        kind: i < 2 ? 'image' : 'prompt',
        status: 'succeeded',
        model: 'gpt-image-1',
        provider: 'openai',
        settings: { aspectRatio: '1:1' },
        ...(i < 2 ? { prompt: `${v.prompt} #${i}` } : { resultPrompts: [`${v.prompt} described`] }),
        images,
        cost: 2,
        refunded: false,
        favorite: i === 0,
        requestId: `req-${uid}-${i}`,
        createdAt,
        updatedAt: createdAt,
        completedAt: createdAt,
        expiresAt: addDays(createdAt, 1),
      },
    });
  }
  const ledger = [
    { id: 'grant-signup', delta: 10, reason: 'grant', ref: 'signup', balanceAfter: 10 },
    { id: `purchase-${session}`, delta: 5, reason: 'purchase', ref: session, balanceAfter: 15 },
    { id: 'gen-gen0', delta: -4, reason: 'generation', ref: 'gen0', balanceAfter: 11 },
  ];
  ledger.forEach(({ id, ...e }, i) =>
    ops.push({
      kind: 'set',
      path: collections.ledger.doc(uid, id),
      data: { ...e, createdAt: new Date(now.getTime() + i) },
    }),
  );
  ops.push({
    kind: 'set',
    path: collections.payments.doc(session),
    data: {
      uid,
      minimized: false,
      packId: 'starter',
      credits: 5,
      amount: 500,
      currency: 'jpy',
      status: 'paid',
      granted: true,
      createdAt: now,
      updatedAt: now,
      expireAt: addDays(now, 7 * 365),
    },
  });
  for (let i = 0; i < 2; i++) {
    ops.push({
      kind: 'set',
      path: collections.accessLogs.doc(`log-${uid}-${i}`),
      data: {
        uid,
        ip: v.ip,
        userAgent: 'Mozilla/5.0 test',
        extensionVersion: i === 0 ? '1.2.3' : null,
        operation: 'generateImage',
        at: now,
        expireAt: addDays(now, 90),
      },
    });
  }
  ops.push({
    kind: 'set',
    path: collections.stripeCustomers.doc(uid),
    data: { customerId: v.customer, createdAt: now },
  });
  await store.batch(ops);
  const exportName = storagePaths.exportFile(uid, `mimicit-export-${now.getTime()}.json`);
  await blobs.save(exportName, new TextEncoder().encode(`{"uid":"${uid}"}`), 'application/json');
}

// Emulator tier: every row of the Firestore rules table, the field-level cases and the
// product's queries against firestore.rules. Needs the Firestore emulator (npm run test:emulators).
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_CASES, QUERY_CASES } from './cases.js';
import { buildQuery, contextFor, openRulesEnvironment, seedFirestore, withSentinels } from './env.js';
import { FIRESTORE_ROWS, rowTitle } from './table.js';
import { OWNER_UID } from './fixtures.js';
import { collections } from '@mimicit/shared';

let env: RulesTestEnvironment;

beforeAll(async () => {
  env = await openRulesEnvironment();
});

afterAll(async () => {
  await env?.cleanup();
});

/** Runs `attempt` and asserts the rules' verdict; also checks the outcome is the rules' denial. */
async function expectOutcome(attempt: Promise<unknown>, allowed: boolean): Promise<void> {
  if (allowed) {
    await assertSucceeds(attempt);
  } else {
    const err = (await assertFails(attempt)) as { code?: string };
    expect(err.code).toMatch(/permission-denied|PERMISSION_DENIED/);
  }
}

describe('firestore.rules: access table', () => {
  it.each(
    FIRESTORE_ROWS.map(
      (row) => [rowTitle(row.target.collection, row.actor, row.op, row.allowed), row] as const,
    ),
  )('%s', async (_title, { target, actor, op, allowed }) => {
    await seedFirestore(env, op === 'create' ? target.docPath : undefined);
    const db = contextFor(env, actor).firestore();
    const ref = db.doc(target.docPath);
    const attempt =
      op === 'get'
        ? ref.get()
        : op === 'list'
          ? buildQuery(db, target.list).get()
          : op === 'create'
            ? ref.set(target.create)
            : op === 'update'
              ? ref.update(target.update)
              : ref.delete();
    await expectOutcome(attempt, allowed);
  });
});

describe('firestore.rules: field-level cases', () => {
  it.each(FIELD_CASES.map((c) => [`${c.name} → ${c.allowed ? 'allowed' : 'denied'}`, c] as const))(
    '%s',
    async (_title, { actor, op, path, data, allowed }) => {
      await seedFirestore(env, op === 'create' ? path : undefined);
      const ref = contextFor(env, actor).firestore().doc(path);
      await expectOutcome(op === 'create' ? ref.set(data) : ref.update(withSentinels(data)), allowed);
      if (allowed) {
        // The allowed change really landed, field by field.
        await env.withSecurityRulesDisabled(async (ctx) => {
          const stored = (await ctx.firestore().doc(path).get()).data() ?? {};
          for (const [key, value] of Object.entries(data)) expect(stored[key]).toEqual(value);
        });
      }
    },
  );
});

describe('firestore.rules: queries (rules are not filters)', () => {
  it.each(QUERY_CASES.map((c) => [`${c.name} → ${c.allowed ? 'allowed' : 'denied'}`, c] as const))(
    '%s',
    async (_title, { actor, query, allowed }) => {
      await seedFirestore(env);
      const attempt = buildQuery(contextFor(env, actor).firestore(), query).get();
      await expectOutcome(attempt, allowed);
    },
  );

  it('the favorites query returns only the owner’s favorites, newest first', async () => {
    await seedFirestore(env);
    const db = contextFor(env, 'owner').firestore();
    const snap = await db
      .collection(collections.generations.in(OWNER_UID))
      .where('favorite', '==', true)
      .orderBy('createdAt', 'desc')
      .get();
    expect(snap.docs.map((d) => d.id)).toEqual(['gen-2']);
  });
});

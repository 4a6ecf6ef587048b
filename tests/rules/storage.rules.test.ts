// Emulator tier: every row of the Storage rules table against storage.rules. Needs the Storage
// emulator (npm run test:emulators).
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, openRulesEnvironment, seedStorage, storageOperation } from './env.js';
import { OTHER_UID, OWNER_UID } from './fixtures.js';
import { STORAGE_ROWS, rowTitle } from './table.js';

let env: RulesTestEnvironment;

beforeAll(async () => {
  env = await openRulesEnvironment();
});

afterAll(async () => {
  await env?.cleanup();
});

describe('storage.rules: access table', () => {
  it.each(
    STORAGE_ROWS.map((row) => [rowTitle(row.target.label, row.actor, row.op, row.allowed), row] as const),
  )('%s', async (_title, { target, actor, op, allowed }) => {
    await seedStorage(env, op === 'create' ? target.objectPath : undefined);
    const bucket = contextFor(env, actor).storage();
    const attempt = storageOperation(bucket, op, target.objectPath, target.listPrefix);
    if (allowed) await assertSucceeds(attempt);
    else await assertFails(attempt);
  });
});

describe('storage.rules: specific cases', () => {
  it('the owner can get a download URL for a generated image', async () => {
    await seedStorage(env);
    const bucket = contextFor(env, 'owner').storage();
    const url = await assertSucceeds(bucket.ref(`users/${OWNER_UID}/generations/gen-1.png`).getDownloadURL());
    expect(url).toContain('gen-1.png');
  });

  it("the owner cannot read another user's generated image", async () => {
    await seedStorage(env);
    const bucket = contextFor(env, 'owner').storage();
    await assertFails(bucket.ref(`users/${OTHER_UID}/generations/gen-9.png`).getMetadata());
  });

  it('the owner cannot list the users/ root', async () => {
    await seedStorage(env);
    await assertFails(contextFor(env, 'owner').storage().ref('users').listAll());
  });

  it('the owner cannot overwrite their own generated image', async () => {
    await seedStorage(env);
    const ref = contextFor(env, 'owner').storage().ref(`users/${OWNER_UID}/generations/gen-1.png`);
    await assertFails(ref.putString('replaced', 'raw', { contentType: 'image/png' }).then((s) => s.metadata));
  });

  it('the owner cannot upload a source image anywhere in their folder', async () => {
    await seedStorage(env);
    const ref = contextFor(env, 'owner').storage().ref(`users/${OWNER_UID}/sources/page.jpg`);
    await assertFails(ref.putString('source', 'raw', { contentType: 'image/jpeg' }).then((s) => s.metadata));
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../converter.js';
import { collectionAt, collectionOf, converterAt, parseStored } from './lookup.js';
import { COLLECTION_DEFS, collections } from './registry.js';

describe('the collection registry', () => {
  it('keys every entry by its collection id, each id once', () => {
    for (const [key, def] of Object.entries(collections)) expect(def.name).toBe(key);
    expect(new Set(COLLECTION_DEFS.map((d) => d.name)).size).toBe(COLLECTION_DEFS.length);
  });

  it('builds document and collection paths that lead back to their entry', () => {
    expect(collections.users.doc('u1')).toBe('users/u1');
    expect(collections.generations.doc('u1', 'g1')).toBe('users/u1/generations/g1');
    expect(collections.ledger.in('u1')).toBe('users/u1/ledger');
    expect(collections.payments.in()).toBe('payments');
    for (const def of COLLECTION_DEFS) {
      const doc = def.level === 'top' ? def.doc('x1') : def.doc('u1', 'x1');
      expect(collectionAt(doc)).toBe(def);
      expect(collectionOf(def.level === 'top' ? def.in() : def.in('u1'))).toBe(def);
      expect(collectionOf(def.group, true)).toBe(def);
    }
    expect(collectionAt('users/u1/secrets/s1')).toBeUndefined();
    expect(collectionAt('misc/m1')).toBeUndefined();
    expect(collectionAt('generations/g1')).toBeUndefined();
  });

  it('finds the owner of a path where the uid is in it', () => {
    expect(collections.users.ownerOf('users/alice')).toBe('alice');
    expect(collections.generations.ownerOf('users/alice/generations/g1')).toBe('alice');
    expect(collections.stripeCustomers.ownerOf('stripeCustomers/alice')).toBe('alice');
    expect(collections.payments.ownerOf('payments/cs_1')).toBeUndefined();
  });

  it('declares client writes only where clients may read, and TTL fields that are dates', () => {
    for (const def of COLLECTION_DEFS) {
      if (def.client.read === 'none') continue;
      if (def.client.writes) expect(Object.keys(def.client.writes.shape).length).toBeGreaterThan(0);
    }
    for (const def of COLLECTION_DEFS.filter((d) => 'field' in d.ttl)) {
      const field = (def.ttl as { field: string }).field;
      expect(def.schema.shape[field]?.safeParse(new Date()).success, def.name).toBe(true);
    }
  });

  it('parses stored data strictly on known fields, drops unknown ones, names the path on failure', () => {
    const at = collections.ledger.doc('u1', 'e1');
    const entry = { delta: 1, reason: 'grant', ref: 'signup', balanceAfter: 1, createdAt: new Date() };
    expect(parseStored(at, { ...entry, addedByANewerRelease: true })).toEqual(entry);
    // Firestore Timestamps (anything with toDate) become Dates first.
    const stamp = { toDate: () => entry.createdAt };
    expect(parseStored(at, { ...entry, createdAt: stamp })).toEqual(entry);
    const bad = () => parseStored(at, { ...entry, delta: 'one' });
    expect(bad).toThrow(InvalidDocumentError);
    expect(bad).toThrow(/users\/u1\/ledger\/e1 .* at delta/);
    expect(parseStored('misc/m1', { anything: 1 })).toEqual({ anything: 1 });
  });

  it('reads payments written before retention dates existed', () => {
    const legacy = {
      uid: 'u1',
      minimized: false,
      packId: 'starter',
      credits: 50,
      amount: 500,
      currency: 'jpy',
      status: 'paid',
      granted: true,
      createdAt: new Date('2026-01-01'),
      updatedAt: new Date('2026-01-01'),
    };
    expect(parseStored(collections.payments.doc('cs_1'), legacy)).toEqual(legacy);
  });

  it('hands clients the converter of a path', () => {
    expect(converterAt(collections.users.doc('u1'))).toBe(collections.users.converter);
    expect(converterAt(collections.generations.in('u1'))).toBe(collections.generations.converter);
  });
});

import { describe, expect, it } from 'vitest';
import {
  generateComparisonRequestSchema,
  generateImageRequestSchema,
  generationResultSchema,
} from './generation.js';
import { exportImageSchema } from './account.js';
import { generatedImageSchema, generationSettingsSchema } from '../docs.js';
import { LIMITS, SEED_MAX } from '../catalog.js';

const base = { requestId: 'req-schema-0001', model: 'flux-2', prompt: 'a fox' };
const source = { url: 'https://example.com/a.jpg' };

describe('image request schemas: references, roles, seed', () => {
  it('takes references with and without roles, in order', () => {
    const parsed = generateImageRequestSchema.parse({
      ...base,
      references: [{ source, role: 'subject' }, { source: { dataUrl: 'data:image/png;base64,AA==' } }],
    });
    expect(parsed.references).toEqual([
      { source, role: 'subject' },
      { source: { dataUrl: 'data:image/png;base64,AA==' } },
    ]);
    expect(parsed).not.toHaveProperty('reference');
  });

  it('no references → an empty list', () => {
    expect(generateImageRequestSchema.parse(base).references).toEqual([]);
  });

  it('the legacy single `reference` (older extension builds) becomes one plain reference', () => {
    const parsed = generateImageRequestSchema.parse({ ...base, reference: source });
    expect(parsed.references).toEqual([{ source }]);
    expect(parsed).not.toHaveProperty('reference');
    const compared = generateComparisonRequestSchema.parse({
      requestId: 'req-schema-0002',
      models: ['flux-2', 'gpt-image'],
      prompt: 'p',
      reference: source,
    });
    expect(compared.references).toEqual([{ source }]);
  });

  it('refuses both forms at once, naming the field', () => {
    const result = generateImageRequestSchema.safeParse({
      ...base,
      reference: source,
      references: [{ source }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['reference']);
  });

  it.each([
    ['an unknown role', { references: [{ source, role: 'background' }] }],
    ['an unknown key on a reference', { references: [{ source, weight: 0.5 }] }],
    ['a reference without a source', { references: [{ role: 'style' }] }],
    [
      `more than ${LIMITS.maxReferences} references`,
      { references: Array.from({ length: LIMITS.maxReferences + 1 }, () => ({ source })) },
    ],
    ['a negative seed', { seed: -1 }],
    ['a seed past 2^31-1', { seed: SEED_MAX + 1 }],
    ['a fractional seed', { seed: 1.5 }],
  ])('refuses %s', (_name, extra) => {
    expect(generateImageRequestSchema.safeParse({ ...base, ...extra }).success).toBe(false);
  });

  it('takes seeds from 0 to 2^31-1', () => {
    expect(generateImageRequestSchema.parse({ ...base, seed: 0 }).seed).toBe(0);
    expect(generateImageRequestSchema.parse({ ...base, seed: SEED_MAX }).seed).toBe(SEED_MAX);
  });

  it('a comparison takes no seed (each seeded model draws its own)', () => {
    const req = { requestId: 'req-schema-0003', models: ['flux-2', 'gpt-image'], prompt: 'p', seed: 1 };
    expect(generateComparisonRequestSchema.safeParse(req).success).toBe(false);
  });
});

describe('response and document schemas', () => {
  it('a result carries the seed and the thumbnails next to the image paths', () => {
    const result = {
      generationId: 'g',
      model: 'flux-2',
      status: 'succeeded',
      cost: 3,
      replayed: false,
      imagePaths: ['users/u/generations/g-0.jpg'],
      thumbnailPaths: ['users/u/generations/g-0.thumb.webp'],
      seed: 42,
    };
    expect(generationResultSchema.parse(result)).toEqual(result);
  });

  it('settings store the roles (plain where none) and the seed, never an image', () => {
    const settings = { referenceRoles: ['subject', 'plain', 'style'], seed: 7, withReference: true };
    expect(generationSettingsSchema.parse(settings)).toEqual(settings);
    expect(generationSettingsSchema.safeParse({ referenceRoles: ['background'] }).success).toBe(false);
    expect(generationSettingsSchema.safeParse({ seed: SEED_MAX + 1 }).success).toBe(false);
  });

  it('an image record may carry its thumbnail; older records without one still parse', () => {
    const image = { path: 'p.jpg', contentType: 'image/jpeg', width: 1024, height: 768, bytes: 1000 };
    const thumbnail = { path: 'p.thumb.webp', contentType: 'image/webp', width: 320, height: 240, bytes: 9 };
    expect(generatedImageSchema.parse({ ...image, thumbnail })).toEqual({ ...image, thumbnail });
    expect(generatedImageSchema.parse(image)).toEqual(image);
    const exported = { ...image, url: null, urlExpiresAt: null };
    expect(exportImageSchema.parse({ ...exported, thumbnail: null }).thumbnail).toBeNull();
    expect(exportImageSchema.safeParse(exported).success).toBe(false);
  });
});

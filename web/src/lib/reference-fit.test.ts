import { describe, expect, it } from 'vitest';
import { MODELS } from '@mimicit/shared';
import { referenceMisfit, referenceSlots, rolesAllowed, toRequestReferences } from './reference-fit';

const model = (id: string) => MODELS.find((m) => m.id === id)!;
const textOnly = { capabilities: ['text-to-image'] as const, maxReferences: 0, referenceRoles: false };
const noRoles = { ...model('flux-2'), referenceRoles: false };

describe('referenceMisfit: why a model cannot take the page’s images', () => {
  it('no images: every model fits', () => {
    expect(referenceMisfit(textOnly, { count: 0, roles: false })).toBeUndefined();
  });

  it('a model without reference support', () => {
    expect(referenceMisfit(textOnly, { count: 1, roles: false })).toEqual({ key: 'remix.misfitNone' });
  });

  it('too few slots, naming the model’s limit', () => {
    expect(referenceMisfit(model('flux-2'), { count: 5, roles: false })).toEqual({
      key: 'remix.misfitSlots',
      values: { max: 4 },
    });
    expect(referenceMisfit(model('gpt-image'), { count: 5, roles: false })).toBeUndefined();
  });

  it('roles set on a model that cannot tell them apart; fine without roles', () => {
    expect(referenceMisfit(noRoles, { count: 2, roles: true })).toEqual({ key: 'remix.misfitRoles' });
    expect(referenceMisfit(noRoles, { count: 2, roles: false })).toBeUndefined();
  });
});

describe('slots, roles and the request', () => {
  it('the count limit is the smallest among the chosen models, or the fallback with none', () => {
    expect(referenceSlots([model('gpt-image'), model('flux-2')], 16)).toBe(4);
    expect(referenceSlots([], 16)).toBe(16);
  });

  it('roles only where every chosen model takes them', () => {
    expect(rolesAllowed([model('gpt-image'), model('local-preview')])).toBe(true);
    expect(rolesAllowed([model('gpt-image'), noRoles])).toBe(false);
  });

  it('sends each source in order, with its role only where one is set', () => {
    const src = (url: string) => ({ source: { url }, previewUrl: url, label: 'x' });
    expect(
      toRequestReferences([
        { source: src('https://a.example/1.png'), role: 'subject' },
        { source: src('https://a.example/2.png'), role: '' },
      ]),
    ).toEqual([
      { source: { url: 'https://a.example/1.png' }, role: 'subject' },
      { source: { url: 'https://a.example/2.png' } },
    ]);
  });
});

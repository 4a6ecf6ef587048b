// Which image models can take the picked references: the server's own limits, read from the
// catalog entry, so the panel greys a model out before anyone pays for a refusal.
import { describe, expect, it } from 'vitest';
import { MODELS } from '@mimicit/shared';
import { pickLimit, referenceRefusal } from './reference-fit';

const model = (id: string) => MODELS.find((m) => m.id === id)!;
const textOnly = { capabilities: ['text-to-image'] as const, maxReferences: 0 };
const editOnly = { capabilities: ['image-to-image'] as const, maxReferences: 2 };

describe('referenceRefusal', () => {
  it('accepts up to the model’s limit', () => {
    expect(referenceRefusal(model('gemini-image'), 0)).toBeUndefined();
    expect(referenceRefusal(model('gemini-image'), 4)).toBeUndefined();
    expect(referenceRefusal(model('gpt-image'), 16)).toBeUndefined();
  });

  it('refuses more than the limit, any for a text-only model, none for an edit-only model', () => {
    expect(referenceRefusal(model('gemini-image'), 5)).toEqual({
      key: 'refs.takesAtMost',
      params: { max: 4 },
    });
    expect(referenceRefusal(textOnly, 1)).toEqual({ key: 'refs.takesNone' });
    expect(referenceRefusal(editOnly, 0)).toEqual({ key: 'refs.needsOne' });
    expect(referenceRefusal(editOnly, 2)).toBeUndefined();
  });
});

describe('pickLimit', () => {
  it('is the chosen model’s limit, at least one (Describe reads a picked image), the fallback with none', () => {
    expect(pickLimit(model('gemini-image'), 16)).toBe(4);
    expect(pickLimit(textOnly, 16)).toBe(1);
    expect(pickLimit(undefined, 16)).toBe(16);
  });
});

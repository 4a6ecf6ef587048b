/**
 * Checks a request against the effective catalog before anything costs money. Every refusal has
 * a reason the client can branch on: `unknown-model` (no such id here), `model-unavailable`
 * (listed but disabled by an operator or retired by its provider), or `invalid-argument` with
 * `unsupported-option` / `prompt-too-long` / `too-many-references`.
 */
import {
  LIMITS,
  supports,
  type AspectRatio,
  type CatalogModel,
  type ReferenceRole,
  type Resolution,
} from '@mimicit/shared';
import { domainError } from '../lib/errors.js';

/** The model, if it is offered here and usable now. */
export function requireModel(catalog: readonly CatalogModel[], id: string): CatalogModel {
  const model = catalog.find((m) => m.id === id);
  if (!model) throw domainError('invalid-argument', 'unknown-model', `There is no model called "${id}".`);
  if (!model.available) {
    const why = {
      retired: 'its provider no longer offers it',
      disabled: 'it is switched off for now',
      'not-configured': 'its provider is not set up here (no API key)',
    }[model.unavailableReason ?? 'disabled'];
    throw domainError(
      'failed-precondition',
      'model-unavailable',
      `${model.label} cannot be used: ${why}. Choose another model; nothing was charged.`,
      { model: model.id, cause: model.unavailableReason ?? 'disabled' },
    );
  }
  return model;
}

export function requireDescribeModel(catalog: readonly CatalogModel[], id: string): CatalogModel {
  const model = requireModel(catalog, id);
  if (!supports(model, 'describe')) {
    throw domainError(
      'invalid-argument',
      'unsupported-option',
      `${model.label} does not write prompts from images.`,
    );
  }
  return model;
}

export interface ImageOptions {
  prompt: string;
  /** The request's reference images (only their roles matter here). */
  references: readonly { role?: ReferenceRole }[];
  aspectRatio: AspectRatio;
  resolution: Resolution;
  count: number;
  /** A seed the person chose (a drawn one is never checked). */
  seed?: number;
}

/** Validates an image request for one model. */
export function requireImageModel(
  catalog: readonly CatalogModel[],
  id: string,
  options: ImageOptions,
): CatalogModel {
  const model = requireModel(catalog, id);
  const unsupported = (message: string) => domainError('invalid-argument', 'unsupported-option', message);
  if (options.prompt.length > LIMITS.maxPromptLength) {
    throw domainError(
      'invalid-argument',
      'prompt-too-long',
      `The prompt is ${options.prompt.length} characters; the limit is ${LIMITS.maxPromptLength}.`,
    );
  }
  if (model.kind !== 'image' && !supports(model, 'text-to-image')) {
    throw unsupported(`${model.label} does not create images.`);
  }
  const references = options.references.length;
  if (references > 0 && (!supports(model, 'image-to-image') || model.maxReferences === 0)) {
    throw unsupported(`${model.label} cannot use reference images. Remove them or choose another model.`);
  }
  if (references > model.maxReferences) {
    throw domainError(
      'invalid-argument',
      'too-many-references',
      `${model.label} takes at most ${model.maxReferences} reference image(s); this request has ${references}. Remove ${references - model.maxReferences} and try again.`,
      { maxReferences: model.maxReferences, references },
    );
  }
  if (references === 0 && !supports(model, 'text-to-image')) {
    throw unsupported(`${model.label} needs a reference image.`);
  }
  if (!model.referenceRoles && options.references.some((r) => r.role !== undefined)) {
    throw unsupported(
      `${model.label} cannot tell subject, scene and style references apart. Send the references without roles, or choose another model.`,
    );
  }
  if (options.seed !== undefined && !model.seed) {
    throw unsupported(`${model.label} does not take a seed. Send the request without one.`);
  }
  if (!model.aspectRatios.includes(options.aspectRatio)) {
    throw unsupported(`${model.label} does not offer the ${options.aspectRatio} aspect ratio.`);
  }
  if (!model.resolutions.includes(options.resolution)) {
    throw unsupported(`${model.label} does not offer the ${options.resolution} resolution.`);
  }
  if (options.count > model.maxImages) {
    throw unsupported(`${model.label} makes at most ${model.maxImages} image(s) per request.`);
  }
  return model;
}

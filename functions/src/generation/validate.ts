/**
 * Checks a request against the model catalog before anything costs money. Every refusal is
 * `invalid-argument` with a reason the client can branch on.
 */
import {
  findModel,
  LIMITS,
  supports,
  type AspectRatio,
  type ModelInfo,
  type Resolution,
} from '@mimicit/shared';
import { allowPreviewModel } from '../lib/env.js';
import { domainError } from '../lib/errors.js';

/** The model, if it is offered here (the preview model only on emulators and in tests). */
export function requireModel(id: string): ModelInfo {
  const model = findModel(id, allowPreviewModel());
  if (!model) throw domainError('invalid-argument', 'unknown-model', `There is no model called "${id}".`);
  return model;
}

export function requireDescribeModel(id: string): ModelInfo {
  const model = requireModel(id);
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
  withReference: boolean;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  count: number;
}

/** Validates an image request for one model. */
export function requireImageModel(id: string, options: ImageOptions): ModelInfo {
  const model = requireModel(id);
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
  if (options.withReference && !supports(model, 'image-to-image')) {
    throw unsupported(`${model.label} cannot use a reference image.`);
  }
  if (!options.withReference && !supports(model, 'text-to-image')) {
    throw unsupported(`${model.label} needs a reference image.`);
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

/**
 * Typed wrappers over every callable the web app uses. Answers are validated with the shared
 * response schemas, so a server/client mismatch fails loudly here instead of deep in a view.
 */
import {
  CALLABLES,
  cancelAccountDeletionResponseSchema,
  createCheckoutSessionResponseSchema,
  createExtensionTokenResponseSchema,
  deleteGenerationResponseSchema,
  describeImageResponseSchema,
  ensureProfileResponseSchema,
  exportMyDataResponseSchema,
  generateComparisonResponseSchema,
  generateImageResponseSchema,
  getCatalogResponseSchema,
  requestAccountDeletionResponseSchema,
  type CancelAccountDeletionResponse,
  type CreateCheckoutSessionRequest,
  type CreateCheckoutSessionResponse,
  type DeleteGenerationResponse,
  type DescribeImageRequest,
  type EnsureProfileRequest,
  type EnsureProfileResponse,
  type ExportMyDataResponse,
  type GenerateComparisonRequest,
  type GenerateComparisonResponse,
  type GenerateImageRequest,
  type GenerationResult,
  type GetCatalogResponse,
  type RequestAccountDeletionResponse,
} from '@mimicit/shared';
import { callFunction, GENERATION_TIMEOUT_MS, LIMITED_USE } from './functions';

const long = { timeout: GENERATION_TIMEOUT_MS };

export async function getCatalog(): Promise<GetCatalogResponse> {
  return getCatalogResponseSchema.parse(await callFunction(CALLABLES.getCatalog, {}));
}

export async function ensureProfile(req: EnsureProfileRequest): Promise<EnsureProfileResponse> {
  return ensureProfileResponseSchema.parse(await callFunction(CALLABLES.ensureProfile, req, LIMITED_USE));
}

export async function describeImage(req: DescribeImageRequest): Promise<GenerationResult> {
  return describeImageResponseSchema.parse(await callFunction(CALLABLES.describeImage, req, long));
}

export async function generateImage(req: GenerateImageRequest): Promise<GenerationResult> {
  return generateImageResponseSchema.parse(await callFunction(CALLABLES.generateImage, req, long));
}

export async function generateComparison(
  req: GenerateComparisonRequest,
): Promise<GenerateComparisonResponse> {
  return generateComparisonResponseSchema.parse(await callFunction(CALLABLES.generateComparison, req, long));
}

export async function deleteGeneration(generationId: string): Promise<DeleteGenerationResponse> {
  return deleteGenerationResponseSchema.parse(
    await callFunction(CALLABLES.deleteGeneration, { generationId }),
  );
}

export async function createCheckoutSession(
  req: CreateCheckoutSessionRequest,
): Promise<CreateCheckoutSessionResponse> {
  return createCheckoutSessionResponseSchema.parse(await callFunction(CALLABLES.createCheckoutSession, req));
}

export async function requestAccountDeletion(): Promise<RequestAccountDeletionResponse> {
  return requestAccountDeletionResponseSchema.parse(
    await callFunction(CALLABLES.requestAccountDeletion, { confirm: true }),
  );
}

export async function cancelAccountDeletion(): Promise<CancelAccountDeletionResponse> {
  return cancelAccountDeletionResponseSchema.parse(await callFunction(CALLABLES.cancelAccountDeletion, {}));
}

export async function exportMyData(): Promise<ExportMyDataResponse> {
  return exportMyDataResponseSchema.parse(await callFunction(CALLABLES.exportMyData, {}, long));
}

/** A sign-in token for the extension `extensionId` (the server refuses ids it does not allow). */
export async function createExtensionToken(extensionId: string): Promise<string> {
  return createExtensionTokenResponseSchema.parse(
    await callFunction(CALLABLES.createExtensionToken, { extensionId }, LIMITED_USE),
  ).token;
}

/** Shapes of the local data API's requests (decoded from the wire first). */
import { z } from 'zod';
import { DELETE_FIELD } from '@mimicit/client-data/wire';
import { ApiError } from './http.js';

const docPath = z.string().min(3).max(1500);

export const queryRequestSchema = z.object({
  collection: docPath,
  /** A collection-group query (clients may not run one; asked only to be refused). */
  group: z.boolean().optional(),
  where: z
    .array(z.tuple([z.string().min(1).max(100), z.enum(['==', 'array-contains']), z.unknown()]))
    .max(5)
    .optional(),
  /** Absent: by document path, as Firestore orders by document name. */
  orderBy: z.tuple([z.string().min(1).max(100), z.enum(['asc', 'desc'])]).optional(),
  limit: z.number().int().min(1).max(100),
  after: z.object({ values: z.array(z.unknown()).max(5), path: docPath }).optional(),
});
export type QueryRequest = z.infer<typeof queryRequestSchema>;

export const updateRequestSchema = z.object({
  path: docPath,
  fields: z.record(z.string().min(1), z.unknown()).refine((f) => Object.keys(f).length > 0, 'no fields'),
});

/** Parses `body` or answers `invalid-argument`. */
export function parseRequest<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(400, 'invalid-argument', `Bad request: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The delete marker may only stand for a whole top-level field. */
export function assertNoNestedDelete(value: unknown, top = true): void {
  if (value === DELETE_FIELD && !top)
    throw new ApiError(400, 'invalid-argument', 'deleteField() only at the top level.');
  if (Array.isArray(value)) value.forEach((v) => assertNoNestedDelete(v, false));
  else if (value && typeof value === 'object' && !(value instanceof Date))
    Object.values(value).forEach((v) => assertNoNestedDelete(v, false));
}

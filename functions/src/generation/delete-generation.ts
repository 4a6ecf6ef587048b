/**
 * `deleteGeneration`: removes one of the caller's generations, its image files and their
 * thumbnails. The path is built from the caller's own uid, so nobody can reach another person's
 * history.
 */
import {
  deleteGenerationRequestSchema,
  collections,
  storagePaths,
  type DeleteGenerationResponse,
} from '@mimicit/shared';
import { callableHandler, defineCallable } from '../lib/callable.js';
import { domainError } from '../lib/errors.js';
import { filesOf } from './store-images.js';

export const handleDeleteGeneration = callableHandler(
  'deleteGeneration',
  deleteGenerationRequestSchema,
  async ({ uid, data, deps }): Promise<DeleteGenerationResponse> => {
    const path = collections.generations.doc(uid, data.generationId);
    const snap = await deps.store.get(path);
    if (!snap.data) throw domainError('not-found', 'not-found', 'This generation does not exist.');
    if (snap.data.status === 'pending') {
      // Deleting now would strand the running job's refund; it finishes within minutes.
      throw domainError(
        'failed-precondition',
        'generation-still-running',
        'This generation is still running. Delete it when it has finished.',
      );
    }
    const images = snap.data.images ?? [];
    // Images and their thumbnails; `imagesDeleted` counts images.
    await Promise.all(filesOf(images).map((p) => deps.blobs.delete(p)));
    // Also any file of this generation the document does not list (a crash between save and update).
    const strays = await deps.blobs.deletePrefix(
      `${storagePaths.generationPrefix(uid)}${data.generationId}-`,
    );
    await deps.store.batch([{ kind: 'delete', path }]);
    return { deleted: true, imagesDeleted: images.length + strays };
  },
);

export const deleteGeneration = defineCallable({ memory: '256MiB' }, handleDeleteGeneration);

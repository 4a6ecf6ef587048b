/**
 * What the server gets for the picked references: a page image by its URL, or the bytes read in
 * the page it came from when the server cannot fetch it (`forceBytes`, page `blob:` URLs); a
 * Recent result as its stored bytes, read under the rules through the data port. Roles go along
 * only where the chosen model takes them. Nothing here is kept after the request.
 */
import { LIMITS, type ImageReference, type ImageSource } from '@mimicit/shared';
import { dataPort } from '../../lib/firebase';
import { CallableError } from '../../lib/api';
import { blobToDataUrl } from '../../lib/data-url';
import { useImagesStore } from './images';
import type { PickedReference } from './references';

/** A stored result image as a data URL, within the server's inline limit. */
async function storedImageSource(path: string): Promise<ImageSource> {
  const blob = await (await dataPort()).readBlob(path);
  if (blob.size > LIMITS.maxInlineImageBytes) {
    throw new CallableError('invalid-argument', 'image-too-large', { reason: 'image-too-large' });
  }
  return { dataUrl: await blobToDataUrl(blob) };
}

/** The references of a request, in the order picked. */
export function sendableReferences(
  picked: readonly PickedReference[],
  withRoles: boolean,
  forceBytes = false,
): Promise<ImageReference[]> {
  const images = useImagesStore();
  return Promise.all(
    picked.map(async (r): Promise<ImageReference> => {
      const source =
        r.kind === 'page'
          ? await images.sourceFor(r.image, forceBytes, r.tabId)
          : await storedImageSource(r.path);
      return withRoles && r.role ? { source, role: r.role } : { source };
    }),
  );
}

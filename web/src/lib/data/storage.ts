/** Generated images (owner-only reads under storage.rules), through the client data port. */
import { dataPort } from './port';

/** The image bytes (for display through an object URL and for format conversion). */
export async function fetchImageBlob(path: string): Promise<Blob> {
  return (await dataPort()).readBlob(path);
}

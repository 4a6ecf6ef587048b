/**
 * Converts an image to the format the person asked for by drawing it on a canvas, so a file
 * named `.jpg` really is JPEG (and not a renamed PNG).
 */
export const DOWNLOAD_FORMATS = [
  { type: 'image/png', ext: 'png', label: 'PNG' },
  { type: 'image/webp', ext: 'webp', label: 'WebP' },
  { type: 'image/jpeg', ext: 'jpg', label: 'JPEG' },
] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** Returns `blob` in `type`; unchanged when it already is. */
export async function convertImage(blob: Blob, type: DownloadFormat['type'], quality = 0.92): Promise<Blob> {
  if (blob.type === type) return blob;
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  if (type === 'image/jpeg') {
    // JPEG has no alpha: transparent pixels would turn black.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
  // Browsers fall back to PNG for types they cannot encode; never hand out a mislabelled file.
  if (!out || out.type !== type) throw new Error(`This browser cannot encode ${type}`);
  return out;
}

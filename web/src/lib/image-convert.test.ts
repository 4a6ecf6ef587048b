import { afterEach, describe, expect, it, vi } from 'vitest';
import { convertImage } from './image-convert';

/** The canvas is a browser boundary happy-dom does not implement: stub what the code calls. */
function stubCanvas(outputType: string | null) {
  const drawn: string[] = [];
  vi.stubGlobal(
    'createImageBitmap',
    vi.fn(async () => ({ width: 3, height: 2, close: vi.fn() })),
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
    set fillStyle(v: string) {
      drawn.push(`fill:${v}`);
    },
    fillRect: () => drawn.push('fillRect'),
    drawImage: () => drawn.push('drawImage'),
  } as unknown as CanvasRenderingContext2D);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (
    this: HTMLCanvasElement,
    cb,
    type,
  ) {
    drawn.push(`toBlob:${type}:${this.width}x${this.height}`);
    cb(outputType ? new Blob(['x'], { type: outputType }) : null);
  });
  return drawn;
}

describe('convertImage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('returns the same blob when it already has the asked type', async () => {
    const png = new Blob(['p'], { type: 'image/png' });
    expect(await convertImage(png, 'image/png')).toBe(png);
  });

  it('re-encodes through a canvas of the same size, on white for JPEG', async () => {
    const drawn = stubCanvas('image/jpeg');
    const out = await convertImage(new Blob(['p'], { type: 'image/png' }), 'image/jpeg');
    expect(out.type).toBe('image/jpeg');
    expect(drawn).toEqual(['fill:#ffffff', 'fillRect', 'drawImage', 'toBlob:image/jpeg:3x2']);
  });

  it('refuses to hand out a file whose real format differs from the one asked', async () => {
    stubCanvas('image/png'); // what browsers do when they cannot encode the type
    await expect(convertImage(new Blob(['p'], { type: 'image/png' }), 'image/webp')).rejects.toThrow(
      /cannot encode/,
    );
  });
});

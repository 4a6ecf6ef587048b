// Timing of a journey's steps, printed at the end so each run reports how long each part took.
export class StepClock {
  private readonly started = Date.now();
  private readonly steps: [string, number][] = [];
  private last = Date.now();

  /** Marks the end of a step. */
  lap(name: string): void {
    const now = Date.now();
    this.steps.push([name, now - this.last]);
    this.last = now;
  }

  report(title: string): string {
    const total = ((Date.now() - this.started) / 1000).toFixed(1);
    const lines = this.steps.map(([n, ms]) => `  ${n.padEnd(58)} ${(ms / 1000).toFixed(2)} s`);
    return `${title}: ${total} s\n${lines.join('\n')}`;
  }
}

/** First bytes of the image formats the History download offers. */
export function imageFormatOf(bytes: Buffer): 'png' | 'jpeg' | 'webp' | 'unknown' {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  return 'unknown';
}

import { describe, expect, it } from 'vitest';
import { defaultStorageBucket } from './storage-bucket';

describe('defaultStorageBucket', () => {
  it("is a new project's .firebasestorage.app bucket, and the emulators' .appspot.com one", () => {
    expect(defaultStorageBucket('mimicit-prod', false)).toBe('mimicit-prod.firebasestorage.app');
    expect(defaultStorageBucket('demo-mimicit', true)).toBe('demo-mimicit.appspot.com');
  });
});

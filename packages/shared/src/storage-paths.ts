/** Cloud Storage object paths. Source images are never written anywhere. */
export const storagePaths = {
  generationImage: (uid: string, id: string, ext: string) => `users/${uid}/generations/${id}.${ext}`,
  /**
   * The small WebP next to a generated image (`id` as for {@link storagePaths.generationImage}):
   * under the same prefix, so the owner-read rule, deleteGeneration's per-generation prefix and
   * the account purge cover it without a rule or list of their own.
   */
  generationThumbnail: (uid: string, id: string) => `users/${uid}/generations/${id}.thumb.webp`,
  generationPrefix: (uid: string) => `users/${uid}/generations/`,
  userPrefix: (uid: string) => `users/${uid}/`,
  exportFile: (uid: string, name: string) => `exports/${uid}/${name}`,
  exportPrefix: (uid: string) => `exports/${uid}/`,
  /** Every person's exports (the purge's backstop for the bucket's one-day lifecycle rule). */
  exportsRoot: () => 'exports/',
} as const;

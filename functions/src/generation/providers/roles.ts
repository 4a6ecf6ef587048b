/**
 * How reference roles reach a model. Each provider documents its own way, and the adapters use
 * these words in it: Gemini image models read a text part naming each image's role just before
 * the image (interleaved parts); GPT Image 2 (`images.edit` with several images) and FLUX.2 edit
 * (`image_urls`) read the roles from the prompt, which names the images "image 1", "image 2"… in
 * the order they were sent (BFL's multi-reference guide indexes references exactly so).
 */
import type { ReferenceRole } from '@mimicit/shared';

/** What the model should take from a reference of each role. */
export const ROLE_GUIDANCE: Record<ReferenceRole | 'plain', string> = {
  subject: 'the subject: keep this subject, its identity and its key features',
  scene: 'the scene: place the result in this setting, with its background, layout and light',
  style: 'the style: render in this visual style (medium, palette, texture), not its content',
  plain: 'a reference: use it as visual guidance',
};

/** "Image 2 is the scene: …" for the reference at `index` (0-based). */
export function roleLine(index: number, role: ReferenceRole | undefined): string {
  return `Image ${index + 1} is ${ROLE_GUIDANCE[role ?? 'plain']}.`;
}

/** True when at least one reference carries a role (otherwise prompts stay as the person wrote them). */
export function hasRoles(references: readonly { role?: ReferenceRole }[]): boolean {
  return references.some((r) => r.role !== undefined);
}

/**
 * The prompt with the roles spelled out before it, for models that read roles from the prompt.
 * Without roles the person's prompt goes unchanged.
 */
export function promptWithRoles(prompt: string, references: readonly { role?: ReferenceRole }[]): string {
  if (!hasRoles(references)) return prompt;
  const lines = references.map((r, i) => roleLine(i, r.role));
  return `${lines.join('\n')}\n\n${prompt}`;
}

/**
 * What we ask a vision model for, and how its answer becomes the prompt styles the product
 * offers (natural language, comma tags, Midjourney with `--ar`, Stable Diffusion with a
 * negative prompt). Shared by every prompt-model adapter so all providers behave alike.
 */
import type { Locale, PromptStyle } from '@mimicit/shared';
import { z } from 'zod';
import { providerErrors, type DescribeInput, type DescribeOutput } from './providers/types.js';

const STYLE_GUIDE: Record<PromptStyle, string> = {
  natural:
    'one detailed paragraph of natural language describing subject, setting, composition, lighting, colours and medium',
  tags: 'a comma-separated list of short descriptive tags, most important first, no sentences',
  midjourney:
    'a concise Midjourney prompt: comma-separated descriptive phrases, without any --parameters (we add them)',
  'stable-diffusion':
    'a Stable Diffusion prompt of weighted comma-separated tags, plus a negative prompt of things to avoid',
};

const LANGUAGE: Record<Locale, string> = { en: 'English', ja: 'Japanese' };

/** Default negative prompt when a model gives none for the Stable Diffusion style. */
export const DEFAULT_NEGATIVE: Record<Locale, string> = {
  en: 'lowres, blurry, bad anatomy, extra fingers, watermark, text, jpeg artifacts',
  ja: '低解像度, ぼやけ, 崩れた構図, 余分な指, 透かし, 文字, 圧縮ノイズ',
};

/** The instruction sent with the image. The answer must be JSON (see {@link parseDescribeJson}). */
export function describeInstruction(input: Pick<DescribeInput, 'language' | 'style' | 'variants'>): string {
  return [
    'You write prompts for image generation models.',
    `Look at the image and write ${input.variants} different prompt variant(s) that would recreate it.`,
    `Each variant is ${STYLE_GUIDE[input.style]}.`,
    `Write in ${LANGUAGE[input.language]}.`,
    'Answer with JSON only: {"prompts": ["..."], "negative_prompt": "..."}.',
    input.style === 'stable-diffusion' ? 'Fill negative_prompt.' : 'Leave negative_prompt empty.',
  ].join(' ');
}

const answerSchema = z.object({
  prompts: z.array(z.string().trim().min(1)).min(1),
  negative_prompt: z.string().optional(),
});

/** Parses a model's JSON answer; anything else is `provider-bad-response`. */
export function parseDescribeJson(text: string | undefined | null): {
  prompts: string[];
  negative?: string;
} {
  if (!text) throw providerErrors.badResponse();
  const body = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw providerErrors.badResponse();
  }
  const result = answerSchema.safeParse(parsed);
  if (!result.success) throw providerErrors.badResponse();
  return { prompts: result.data.prompts, negative: result.data.negative_prompt?.trim() || undefined };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The source's proportions as a small `W:H` (e.g. 4032×3024 → `4:3`), as Midjourney's `--ar` wants. */
export function aspectOf(width: number, height: number): string {
  const d = gcd(width, height);
  let w = width / d;
  let h = height / d;
  if (w > 32 || h > 32) {
    // Not a neat ratio: approximate with small integers (Midjourney accepts any whole pair).
    const ratio = width / height;
    let best = { w: 1, h: 1, err: Infinity };
    for (let hh = 1; hh <= 21; hh++) {
      const ww = Math.max(1, Math.round(ratio * hh));
      const err = Math.abs(ww / hh - ratio);
      if (err < best.err - 1e-9) best = { w: ww, h: hh, err };
    }
    w = best.w;
    h = best.h;
  }
  return `${w}:${h}`;
}

/** Applies the style's finishing touches to the raw prompts. */
export function finishDescribe(
  raw: { prompts: string[]; negative?: string },
  input: Pick<DescribeInput, 'language' | 'style' | 'variants' | 'image'>,
): DescribeOutput {
  let prompts = raw.prompts.slice(0, input.variants);
  if (input.style === 'midjourney') {
    const ar = aspectOf(input.image.sourceWidth, input.image.sourceHeight);
    prompts = prompts.map((p) => `${p.replace(/\s+--ar\s+\d+:\d+/g, '').trim()} --ar ${ar}`);
  }
  if (input.style === 'stable-diffusion') {
    return { prompts, negativePrompt: raw.negative ?? DEFAULT_NEGATIVE[input.language] };
  }
  return { prompts };
}

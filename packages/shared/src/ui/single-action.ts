/**
 * `v-single-action="handler"` on a button, for the web app and the side panel: one person's
 * action runs `handler` once. The second and third clicks of a double or triple click
 * (`detail` > 1: the browser counts them as one multi-click) and the repeats of a held-down
 * Enter or Space key are ignored; a separate, deliberate click runs it again. The stores guard
 * the rest (a start whose request is still being sent).
 *
 * A plain object shaped like Vue's `ObjectDirective`, so this package needs no Vue import and
 * stays out of the functions bundle (it is a separate entry, not re-exported by the index).
 */
type Handler = () => unknown;

interface Bound {
  handler: Handler;
  onClick: (e: MouseEvent) => void;
  onKeydown: (e: KeyboardEvent) => void;
}

const bound = new WeakMap<HTMLElement, Bound>();

/** True for the clicks and key presses that repeat one action instead of starting one. */
export function isRepeatActivation(e: Event): boolean {
  if ('repeat' in e) return (e as KeyboardEvent).repeat && ['Enter', ' '].includes((e as KeyboardEvent).key);
  return (e as MouseEvent).detail > 1;
}

export const vSingleAction = {
  mounted(el: HTMLElement, binding: { value: Handler }): void {
    const state: Bound = {
      handler: binding.value,
      onClick: (e) => {
        if (!isRepeatActivation(e)) void state.handler();
      },
      // Preventing the key's default stops the browser from turning the repeat into a click.
      onKeydown: (e) => {
        if (isRepeatActivation(e)) e.preventDefault();
      },
    };
    bound.set(el, state);
    el.addEventListener('click', state.onClick);
    el.addEventListener('keydown', state.onKeydown);
  },
  updated(el: HTMLElement, binding: { value: Handler }): void {
    const state = bound.get(el);
    if (state) state.handler = binding.value;
  },
  beforeUnmount(el: HTMLElement): void {
    const state = bound.get(el);
    if (!state) return;
    el.removeEventListener('click', state.onClick);
    el.removeEventListener('keydown', state.onKeydown);
    bound.delete(el);
  },
};

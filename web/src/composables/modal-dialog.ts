// One place for how the app's modal dialogs open and close (BaseDialog, the History picker), so
// focus handling stays the same for both.
import { nextTick, watch, type Ref } from 'vue';

/**
 * Shows the native `<dialog>` in `dialog` as a modal while `open()` is true: focus moves in
 * (the browser's `showModal`), and when it closes focus returns to the element that opened it.
 * `onOpen` runs each time it opens. The element itself stays in the DOM; Escape is the caller's
 * `@cancel` to handle.
 */
export function useModalDialog(
  open: () => boolean,
  dialog: Ref<HTMLDialogElement | null>,
  onOpen?: () => void,
): void {
  let opener: Element | null = null;
  watch(
    open,
    async (isOpen) => {
      await nextTick();
      const el = dialog.value;
      if (!el) return;
      if (isOpen && !el.open) {
        opener = document.activeElement;
        if (typeof el.showModal === 'function') el.showModal();
        else el.setAttribute('open', '');
        onOpen?.();
      } else if (!isOpen && el.open) {
        if (typeof el.close === 'function') el.close();
        else el.removeAttribute('open');
        (opener as HTMLElement | null)?.focus?.();
      }
    },
    { immediate: true },
  );
}

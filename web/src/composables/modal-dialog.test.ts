// The modal dialogs' shared behaviour: shown as a modal when asked, onOpen on each opening,
// closed and focus handed back to the opener when no longer asked.
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { useModalDialog } from './modal-dialog';

function harness(onOpen?: () => void) {
  const open = ref(false);
  const dialog = ref<HTMLDialogElement | null>(null);
  const Host = defineComponent({
    setup() {
      useModalDialog(() => open.value, dialog, onOpen);
      return () => [
        h('button', { id: 'opener' }, 'open'),
        h('dialog', { ref: dialog }, [h('button', 'inside')]),
      ];
    },
  });
  const wrapper = mount(Host, { attachTo: document.body });
  return { open, wrapper, el: () => dialog.value! };
}

describe('useModalDialog', () => {
  it('opens as a modal, runs onOpen each time, and returns focus to the opener on close', async () => {
    const onOpen = vi.fn();
    const { open, wrapper, el } = harness(onOpen);
    await nextTick();
    expect(el().open).toBe(false);
    expect(onOpen).not.toHaveBeenCalled();

    const opener = wrapper.find<HTMLButtonElement>('#opener').element;
    opener.focus();
    open.value = true;
    await vi.waitFor(() => expect(el().open).toBe(true));
    expect(onOpen).toHaveBeenCalledTimes(1);
    el().querySelector('button')!.focus();
    expect(document.activeElement).not.toBe(opener);

    open.value = false;
    await vi.waitFor(() => expect(el().open).toBe(false));
    expect(document.activeElement).toBe(opener);

    open.value = true;
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledTimes(2));
    wrapper.unmount();
  });
});

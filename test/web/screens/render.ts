import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';

/** Renders a screen into a fresh container in happy-dom's document; returns helpers to query and clean up. */
export function mount(vnode: VNode) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(vnode, container));
  return {
    container,
    byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
      const found = container.querySelector<T>(`[data-testid="${id}"]`);
      if (!found) throw new Error(`no element with data-testid="${id}"`);
      return found;
    },
    has: (id: string) => container.querySelector(`[data-testid="${id}"]`) !== null,
    click: (element: HTMLElement) => act(() => element.click()),
    unmount() {
      act(() => render(null, container));
      container.remove();
    },
  };
}

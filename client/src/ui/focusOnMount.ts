/**
 * A ref callback that focuses its element once, when it appears: a form opened by a button further
 * up the page would otherwise go unnoticed by keyboard and screen reader users. It must stay this
 * one stable function, or React would call it (and steal focus) on every render.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}

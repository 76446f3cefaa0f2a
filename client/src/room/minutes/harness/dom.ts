import { JSDOM } from 'jsdom';

/**
 * Gives a Node process the few browser globals ProseMirror's view and Tiptap use, from one jsdom
 * window. A whole jsdom test environment would also replace Node's typed arrays with the window's,
 * which the server's libraries (jose, ws) then refuse; this leaves them alone. Idempotent.
 */
export function installDom(): void {
  if (typeof globalThis.document !== 'undefined') return;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const globals: Record<string, unknown> = {
    window,
    document: window.document,
    navigator: window.navigator,
    Node: window.Node,
    Element: window.Element,
    HTMLElement: window.HTMLElement,
    MutationObserver: window.MutationObserver,
    Event: window.Event,
    KeyboardEvent: window.KeyboardEvent,
    CustomEvent: window.CustomEvent,
    Text: window.Text,
    Range: window.Range,
    DocumentFragment: window.DocumentFragment,
    DOMParser: window.DOMParser,
    getSelection: window.getSelection.bind(window),
    getComputedStyle: window.getComputedStyle.bind(window),
    requestAnimationFrame: window.requestAnimationFrame.bind(window),
    cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
  };
  // jsdom lays nothing out; scrolling the caret into view only needs the calls to exist.
  const noRects = () => [] as unknown as DOMRectList;
  const zeroRect = () => window.document.body.getBoundingClientRect();
  window.Range.prototype.getClientRects = noRects;
  window.Range.prototype.getBoundingClientRect = zeroRect;
  for (const [key, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
  }
}

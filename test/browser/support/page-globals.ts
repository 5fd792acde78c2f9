/**
 * The page's globals, for functions passed to Playwright's `page.evaluate`, which run in Chromium.
 *
 * The test program is typed for Node, without the DOM library, so that Node-side test code cannot use
 * `document` by mistake. A function that runs in the page reads its globals as
 * `(globalThis as unknown as PageGlobals)`: the cast is erased at compile time, so the function
 * Playwright serialises still reads the page's own `globalThis`. Only what tests read is named.
 */
export interface PageGlobals {
  document: { activeElement: { id: string } | null };
  customElements: { get(name: string): unknown };
}

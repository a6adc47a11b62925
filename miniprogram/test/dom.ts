/** The element with this id; a test fails at once, naming the id, when it is not on the page. */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`#${id} not on the page`);
  }
  return element;
}

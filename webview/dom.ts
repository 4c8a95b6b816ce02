// Building DOM without markup strings: text always goes in through textContent, so vendor text
// (key names, tags, machine codes) can never become elements, attributes or script.

export interface ElementOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
  children?: (Node | undefined | false)[];
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, options?: ElementOptions): HTMLElementTagNameMap[K];
export function h(tag: string, options?: ElementOptions): HTMLElement;
export function h(tag: string, options: ElementOptions = {}): HTMLElement {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  if (options.text !== undefined) element.textContent = options.text;
  for (const child of options.children ?? []) if (child) element.append(child);
  return element;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

let nextId = 0;
/** A document-unique id for aria-labelledby / aria-controls pairs. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

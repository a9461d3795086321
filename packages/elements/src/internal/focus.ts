/**
 * Focus after an action that took the focused control away (WAI-ARIA Authoring Practices, "Developing
 * a keyboard interface": when the focused element disappears, move focus to a logical place — never
 * let it fall to the page's `<body>`, where a keyboard or screen-reader user loses their place).
 *
 * Elements call it once the action has rendered, with the place they chose (the item that took the
 * removed one's place, say) and a fallback selector for when that is gone too. When focus already went
 * somewhere on purpose — the person moved on, or the element focused a notice of its own — it does
 * nothing. A heading or list item given focus this way gets `tabindex="-1"`: focusable from script,
 * not added to the tab order.
 */
export function focusInstead(root: ParentNode, target: Element | null | undefined, fallback: string): void {
  const active = document.activeElement;
  if (active && active !== document.body) return;
  const element = (target?.isConnected ? target : root.querySelector(fallback)) as HTMLElement | null;
  if (!element) return;
  if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.tabIndex = -1;
  element.focus();
}

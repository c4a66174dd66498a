// A wide table scrolls sideways in its own box, so the page stays as wide as the window (WCAG 1.4.10 Reflow).
// Only while it actually scrolls, the box is a named, focusable region: keyboard users can then scroll it with the
// arrow keys (WCAG 2.1.1), and a table that fits adds no extra tab stop.
import { createSignal, type JSX, onCleanup, onMount } from "solid-js";

export function TableScroll(props: { children: JSX.Element }) {
  let box!: HTMLDivElement;
  const [label, setLabel] = createSignal<string | null>(null);
  onMount(() => {
    const measure = () => {
      if (box.scrollWidth <= box.clientWidth + 1) return setLabel(null);
      const table = box.querySelector("table");
      const name = table?.caption?.textContent?.trim() || table?.getAttribute("aria-label") || "Tabelle";
      setLabel(`${name} (seitlich scrollbar)`);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    // The table grows and shrinks with its rows; the box alone would not notice.
    const table = box.querySelector("table");
    if (table) observer.observe(table);
    onCleanup(() => observer.disconnect());
  });
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label is set only together with role="region"
    <div
      ref={box}
      class="table-scroll"
      role={label() ? "region" : undefined}
      aria-label={label() ?? undefined}
      tabindex={label() ? 0 : undefined}
    >
      {props.children}
    </div>
  );
}

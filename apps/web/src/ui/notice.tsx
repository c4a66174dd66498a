// One place for "done" messages that outlive the control that caused them (a dialog that closed, a row that moved):
// `announce(text)` shows the text near the top of the page and a polite live region reads it out. The region is
// always in the page, so screen readers pick up each change.
import { createSignal, Show } from "solid-js";

const [notice, setNotice] = createSignal<string | null>(null);
let timer: ReturnType<typeof setTimeout> | undefined;

export function announce(text: string) {
  clearTimeout(timer);
  // Cleared first, so that the same text twice is read twice.
  setNotice(null);
  queueMicrotask(() => setNotice(text));
  timer = setTimeout(() => setNotice(null), 10_000);
}

export function NoticeRegion() {
  return (
    <div class="notice-region" role="status" aria-live="polite">
      <Show when={notice()}>{(text) => <p class="alert alert-success">{text()}</p>}</Show>
    </div>
  );
}

// After a client-side page change, focus moves to the new page's heading so screen readers announce it. Pages load
// lazily, so the heading may appear after the change: whichever comes last – the change or the new page's heading –
// moves the focus. A heading knows its page by the path it was drawn for (data-path on the h1).
let pendingPath: string | null = null;

function focusIfReady() {
  const heading = document.getElementById("page-title");
  if (pendingPath && heading?.dataset.path === pendingPath) {
    pendingPath = null;
    heading.focus();
  }
}

/** Called by the shell when the path changes. */
export function focusHeadingOf(path: string): void {
  pendingPath = path;
  setTimeout(focusIfReady, 50);
}

/** Called by every page heading once it is in the document. */
export function headingShown(): void {
  setTimeout(focusIfReady, 0);
}

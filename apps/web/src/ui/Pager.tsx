// Paging for every list: "Seite 2 von 7 (163 Einträge)" with previous/next buttons.

import { formatCountOf } from "@spatz/domain";
import { Show } from "solid-js";

export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
}) {
  const pages = () => Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <nav class="pager" aria-label={props.label ?? "Seiten"}>
      <button
        type="button"
        class="button button-secondary"
        disabled={props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        Zurück
      </button>
      <span aria-live="polite">
        Seite {props.page} von {pages()}
        <Show when={props.total > 0}> ({formatCountOf(props.total, "Eintrag", "Einträge")})</Show>
      </span>
      <button
        type="button"
        class="button button-secondary"
        disabled={props.page >= pages()}
        onClick={() => props.onPage(props.page + 1)}
      >
        Weiter
      </button>
    </nav>
  );
}

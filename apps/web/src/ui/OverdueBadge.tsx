// The "überfällig" mark after a date (measures, go-lives): one look and one word wherever something is late.
import { Show } from "solid-js";

export function OverdueBadge(props: { when: boolean | null | undefined }) {
  return (
    <Show when={props.when}>
      {" "}
      <span class="badge badge-warn">überfällig</span>
    </Show>
  );
}

import { createEffect, type JSX, Show } from "solid-js";

/** The page's h1, which also sets the document title so screen-reader users know where they are. */
export function PageHeader(props: { title: string; intro?: JSX.Element; actions?: JSX.Element }) {
  createEffect(() => {
    document.title = `${props.title} – SPATZ`;
  });
  return (
    <header class="page-header">
      <div>
        <h1 tabindex="-1" id="page-title">
          {props.title}
        </h1>
        <Show when={props.intro}>
          <p class="page-intro">{props.intro}</p>
        </Show>
      </div>
      <Show when={props.actions}>
        <div class="page-actions">{props.actions}</div>
      </Show>
    </header>
  );
}

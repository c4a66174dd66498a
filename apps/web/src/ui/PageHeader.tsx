import { A, useLocation } from "@solidjs/router";
import { createEffect, type JSX, onMount, Show } from "solid-js";
import { topicForPath } from "../help/topic-index.ts";
import { headingShown } from "./heading-focus.ts";

/**
 * The page's h1, which also sets the document title so screen-reader users know where they are, and the link to the
 * help of the page's module (help/topic-index.ts).
 */
export function PageHeader(props: { title: string; intro?: JSX.Element; actions?: JSX.Element }) {
  createEffect(() => {
    document.title = `${props.title} – SPATZ`;
  });
  const location = useLocation();
  const help = () => topicForPath(location.pathname);
  // The path this heading was drawn for (not reactive: during a page change the old heading keeps its old path).
  const drawnFor = location.pathname;
  onMount(headingShown);
  return (
    <header class="page-header">
      <div>
        <h1 tabindex="-1" id="page-title" data-path={drawnFor}>
          {props.title}
        </h1>
        <Show when={props.intro}>
          <p class="page-intro">{props.intro}</p>
        </Show>
      </div>
      <Show when={props.actions || help()}>
        <div class="page-actions">
          {props.actions}
          <Show when={help()}>
            {(t) => (
              <A class="help-link" href={`/hilfe/${t().slug}`}>
                Hilfe: {t().title}
              </A>
            )}
          </Show>
        </div>
      </Show>
    </header>
  );
}

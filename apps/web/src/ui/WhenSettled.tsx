// Sections that each load their own data appear together, once all their queries have answered (at the latest after
// `maxMs`), instead of growing one by one and pushing down what the user is already reading (layout shift).
import { useIsFetching } from "@tanstack/solid-query";
import { createEffect, createSignal, type JSX, on, onCleanup, onMount, Show } from "solid-js";
import { Loading } from "./states.tsx";

export function WhenSettled(props: { children: JSX.Element; maxMs?: number }) {
  const fetching = useIsFetching();
  const [settled, setSettled] = createSignal(false);
  createEffect(on(fetching, (count) => count === 0 && setSettled(true), { defer: true }));
  onMount(() => {
    // Everything was cached: no query starts, so the count never changes.
    const now = setTimeout(() => fetching() === 0 && setSettled(true), 0);
    const latest = setTimeout(() => setSettled(true), props.maxMs ?? 2000);
    onCleanup(() => {
      clearTimeout(now);
      clearTimeout(latest);
    });
  });
  return (
    <div class="when-settled" aria-busy={!settled()}>
      <Show when={!settled()}>
        <div class="when-settled-loading">
          <Loading />
        </div>
      </Show>
      <div classList={{ "when-settled-pending": !settled() }}>{props.children}</div>
    </div>
  );
}

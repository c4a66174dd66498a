// Code loaded when first rendered, in its own chunk: every page (so the sign-in page stays small) and the charts.
import { type Component, lazy } from "solid-js";

/** `lazyNamed(() => import("./X.tsx"), "X")`: the named export of a module, fetched on first render. */
// biome-ignore lint/suspicious/noExplicitAny: solid's own `lazy` takes any component (`Component<any>`)
export function lazyNamed<K extends string, C extends Component<any>>(
  load: () => Promise<{ [N in NoInfer<K>]: C }>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

// The Landkreise and kreisfreien Städte of Sachsen-Anhalt shaded by the median maturity index of their Kommunen, where
// that figure is published (n ≥ k); a suppressed Kreis is hatched grey and says why (ui/map/RegionMap.tsx); hovering a
// Kreis shows its figure, and the table under the map has the same numbers for keyboard and screen reader users.
import { For, Show } from "solid-js";
import { RegionMap } from "../ui/map/RegionMap.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { formatScore } from "./figures.tsx";

export type KreisFigure = { kreisAgs: string; label: string; median: number | null; reason: string | null };

/** Sequential colour-blind-safe scale (light = low, dark = high) over the engine's 0–4 scale. */
const SCALE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

export function colourOf(median: number): string {
  return SCALE[Math.min(SCALE.length - 1, Math.floor((median / 4) * SCALE.length))]!;
}

export function KreisMap(props: { kreise: KreisFigure[]; metricLabel: string }) {
  return (
    <figure class="kreis-map">
      <figcaption>
        Median „{props.metricLabel}“ je Kreis (hell = niedrig, dunkel = hoch; schraffiert = nicht ausgewiesen)
      </figcaption>
      <RegionMap
        level="kreise"
        summary={`Karte der Kreise Sachsen-Anhalts, gefärbt nach dem Median ${props.metricLabel}.`}
        regions={props.kreise.map((k) => ({
          code: k.kreisAgs,
          label:
            k.median === null
              ? `${k.label}: ${k.reason ?? "nicht ausgewiesen"}`
              : `${k.label}: Median ${formatScore(k.median)}`,
          fill: k.median === null ? null : colourOf(k.median),
        }))}
      />
      <TableScroll>
        <table class="table">
          <caption>Median je Kreis</caption>
          <thead>
            <tr>
              <th scope="col">Kreis</th>
              <th scope="col" class="num">
                Median
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.kreise}>
              {(k) => (
                <tr>
                  <th scope="row">{k.label}</th>
                  <Show when={k.median !== null} fallback={<td class="suppressed">{k.reason}</td>}>
                    <td class="num">{formatScore(k.median)}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}

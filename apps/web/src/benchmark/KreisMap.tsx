// The Landkreise and kreisfreien Städte of Sachsen-Anhalt shaded by the median maturity index of their Kommunen, where
// that figure is published (n ≥ k); a suppressed Kreis is hatched grey and says why. An SVG drawn from the BKG
// outlines (kreise.geo.json, equirectangular projection, no tiles: the CSP allows only 'self'); hovering a Kreis shows
// its figure, and the table under the map has the same numbers for keyboard and screen reader users.
import { For, Show } from "solid-js";
import { TableScroll } from "../ui/TableScroll.tsx";
import { formatScore } from "./figures.tsx";
import geo from "./kreise.geo.json";

type Position = [number, number];
type Geometry =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };
type Feature = { properties: { ags: string; name: string }; geometry: Geometry };

export type KreisFigure = { kreisAgs: string; label: string; median: number | null; reason: string | null };

/** Sequential colour-blind-safe scale (light = low, dark = high) over the engine's 0–4 scale. */
const SCALE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];
const COS_LAT = Math.cos((51.9 * Math.PI) / 180);
const WIDTH = 480;

const features = (geo as unknown as { features: Feature[] }).features;
const rings = (g: Geometry) => (g.type === "Polygon" ? g.coordinates : g.coordinates.flat());
const all = features.flatMap((f) => rings(f.geometry).flat());
const minX = Math.min(...all.map((p) => p[0] * COS_LAT));
const maxX = Math.max(...all.map((p) => p[0] * COS_LAT));
const minY = Math.min(...all.map((p) => p[1]));
const maxY = Math.max(...all.map((p) => p[1]));
const scale = WIDTH / (maxX - minX);
const HEIGHT = Math.round((maxY - minY) * scale);

function pathOf(g: Geometry): string {
  return rings(g)
    .map(
      (ring) =>
        `M${ring.map(([x, y]) => `${((x * COS_LAT - minX) * scale).toFixed(1)},${((maxY - y) * scale).toFixed(1)}`).join("L")}Z`,
    )
    .join("");
}

export function colourOf(median: number): string {
  return SCALE[Math.min(SCALE.length - 1, Math.floor((median / 4) * SCALE.length))]!;
}

export function KreisMap(props: { kreise: KreisFigure[]; metricLabel: string }) {
  const byAgs = () => new Map(props.kreise.map((k) => [k.kreisAgs, k]));
  return (
    <figure class="kreis-map">
      <figcaption>
        Median „{props.metricLabel}“ je Kreis (hell = niedrig, dunkel = hoch; schraffiert = nicht ausgewiesen)
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`Karte der Kreise Sachsen-Anhalts, gefärbt nach dem Median ${props.metricLabel}; die Werte stehen in der Tabelle darunter.`}
      >
        <defs>
          <pattern
            id="suppressed-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#e4e7eb" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8a939c" stroke-width="2" />
          </pattern>
        </defs>
        <For each={features}>
          {(f) => {
            const k = () => byAgs().get(f.properties.ags);
            const label = () => {
              const x = k();
              if (!x) return `${f.properties.name}: keine Angaben`;
              return x.median === null
                ? `${x.label}: ${x.reason ?? "nicht ausgewiesen"}`
                : `${x.label}: Median ${formatScore(x.median)}`;
            };
            return (
              <path
                d={pathOf(f.geometry)}
                fill={k()?.median != null ? colourOf(k()!.median!) : "url(#suppressed-hatch)"}
                stroke="#ffffff"
                stroke-width="1"
              >
                <title>{label()}</title>
              </path>
            );
          }}
        </For>
      </svg>
      <p class="muted map-attribution">
        Grenzen: <a href="https://www.bkg.bund.de">© GeoBasis-DE / BKG 2021 (Daten verändert)</a>
      </p>
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

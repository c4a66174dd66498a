// The one map of SPATZ: Sachsen-Anhalt's Kreise or Gemeinden shaded by a figure. An SVG drawn from the BKG outlines
// (equirectangular projection, no map tiles: the CSP allows only 'self'), whose outlines load with the first map.
// A region with a link is reachable by keyboard (Tab, Enter opens it like a click); a region without a figure is
// hatched and says why. Kreise carry their names. The caller keeps a table with the same figures under the map.
import { createResource, For, type JSX, Show } from "solid-js";
import { Loading } from "../states.tsx";

export type MapLevel = "kreise" | "gemeinden";
/** `code`: the AGS (5 digits for a Kreis, 8 for a Gemeinde). `fill` null: hatched, no figure. */
export type MapRegion = { code: string; label: string; fill: string | null; href?: string };

type Position = [number, number];
type Geometry =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };
type Feature = { properties: { code: string; name: string }; geometry: Geometry };

const OUTLINES: Record<MapLevel, () => Promise<{ default: unknown }>> = {
  kreise: () => import("./kreise.geo.json"),
  gemeinden: () => import("./gemeinden.geo.json"),
};

const MAP_WIDTH = 480;
const COS_LAT = Math.cos((51.9 * Math.PI) / 180);

type Shape = { code: string; name: string; d: string; centre: Position };

/** Projects the outlines onto a MAP_WIDTH-wide SVG: one path per region and the centre of its largest ring. */
function project(features: Feature[]): { shapes: Shape[]; height: number } {
  const rings = (g: Geometry) => (g.type === "Polygon" ? g.coordinates : g.coordinates.flat());
  const all = features.flatMap((f) => rings(f.geometry).flat());
  const xs = all.map((p) => p[0] * COS_LAT);
  const ys = all.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = MAP_WIDTH / (maxX - minX);
  const at = ([x, y]: Position): Position => [(x * COS_LAT - minX) * scale, (maxY - y) * scale];
  const shapes = features.map((f) => {
    const projected = rings(f.geometry).map((ring) => ring.map(at));
    const largest = projected.reduce((a, b) => (b.length > a.length ? b : a));
    const centre: Position = [
      largest.reduce((s, p) => s + p[0], 0) / largest.length,
      largest.reduce((s, p) => s + p[1], 0) / largest.length,
    ];
    const d = projected
      .map((ring) => `M${ring.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L")}Z`)
      .join("");
    return { code: f.properties.code, name: f.properties.name, d, centre };
  });
  return { shapes, height: Math.round((maxY - minY) * scale) };
}

const projected = new Map<MapLevel, Promise<ReturnType<typeof project>>>();
function outlines(level: MapLevel) {
  let p = projected.get(level);
  if (!p) {
    p = OUTLINES[level]().then(
      (m) => project((m.default as { features: Feature[] }).features),
      (error: unknown) => {
        projected.delete(level); // the next map tries again
        throw error;
      },
    );
    projected.set(level, p);
  }
  return p;
}

export function RegionMap(props: {
  level: MapLevel;
  regions: MapRegion[];
  /** One sentence for screen readers: what the map shows (the table has the figures). */
  summary: string;
  /** Under the map: the colour scale. */
  legend?: JSX.Element;
}) {
  const [shapes] = createResource(() => props.level, outlines);
  const byCode = () => new Map(props.regions.map((r) => [r.code, r]));
  return (
    <div class="region-map">
      <Show
        when={!shapes.error}
        fallback={
          <p class="chart-status" role="alert">
            Die Karte konnte nicht geladen werden. Die Werte stehen in der Tabelle.
          </p>
        }
      >
        <Show when={shapes()} fallback={<Loading label="Karte wird geladen …" />}>
          {(s) => (
            <svg viewBox={`0 0 ${MAP_WIDTH} ${s().height}`} width={MAP_WIDTH} height={s().height}>
              <title>{props.summary}</title>
              <defs>
                <pattern
                  id="no-figure-hatch"
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="6" height="6" fill="#e4e7eb" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke="#8a939c" stroke-width="2" />
                </pattern>
              </defs>
              <For each={s().shapes}>
                {(shape) => {
                  const region = () => byCode().get(shape.code);
                  const label = () => region()?.label ?? `${shape.name}: keine Angaben`;
                  // One template rooted in <g>, so that <a> is made as an SVG link (a template rooted in <a> would
                  // make an HTML one, which an SVG does not draw or follow). Without an href it is no link.
                  return (
                    <g>
                      <a href={region()?.href} aria-label={label()}>
                        <path d={shape.d} fill={region()?.fill ?? "url(#no-figure-hatch)"}>
                          <title>{label()}</title>
                        </path>
                      </a>
                    </g>
                  );
                }}
              </For>
              <Show when={props.level === "kreise"}>
                <For each={s().shapes}>
                  {(shape) => (
                    <text x={shape.centre[0]} y={shape.centre[1]} class="region-label">
                      {shape.name}
                    </text>
                  )}
                </For>
              </Show>
            </svg>
          )}
        </Show>
      </Show>
      {props.legend}
      <p class="muted map-attribution">
        Grenzen: <a href="https://www.bkg.bund.de">© GeoBasis-DE / BKG 2021 (Daten verändert)</a>
      </p>
    </div>
  );
}

// The headline figures: index Ist and Plan, and how the Soll targets stand.
import { formatDate } from "@spatz/domain";
import { scoreText } from "./format.ts";
import type { DashboardData } from "./queries.ts";

export function Kpis(props: { data: DashboardData }) {
  const d = () => props.data.dashboard;
  const count = (status: string) => d().targets.filter((t) => t.status === status).length;
  return (
    <dl class="kpis">
      <div>
        <dt>Reifegradindex (Ist)</dt>
        <dd data-testid="index-current">{scoreText(d().current.index)}</dd>
        <dd class="muted">von 4, Stand {formatDate(d().today)}</dd>
      </div>
      <div>
        <dt>Plan in einem Jahr</dt>
        <dd>{scoreText(d().planned.index)}</dd>
        <dd class="muted">am {formatDate(d().plannedOn)}, wenn alle Maßnahmen termingerecht abschließen</dd>
      </div>
      <div>
        <dt>Soll-Ziele</dt>
        <dd>{d().targets.length}</dd>
        <dd class="muted">
          {count("reached")} erreicht, {count("on_track")} im Plan, {count("at_risk")} in Gefahr
        </dd>
      </div>
    </dl>
  );
}

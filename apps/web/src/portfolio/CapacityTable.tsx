// The capacity table of a year (Kapazität page and a registration round): per GB the PT available against the PT
// planned, the balance in words ("überplant um …") and not only in colour.
import { formatCountOf } from "@spatz/domain";
import { For, Show } from "solid-js";
import type { trpc } from "../lib/trpc.ts";
import { TableScroll } from "../ui/TableScroll.tsx";
import { personDays } from "./common.tsx";

type Overview = Awaited<ReturnType<typeof trpc.capacity.overview.query>>;
type Row = Overview["rows"][number];

/** "überplant um 120 PT" or "frei: 80 PT": the state of a row in words, not only in colour. */
export function freeText(r: { freeDays: number; overCommitted: boolean }): string {
  return r.overCommitted ? `überplant um ${personDays(-r.freeDays)}` : `frei: ${personDays(r.freeDays)}`;
}

/** The capacity table of a year; `proposalsLabel` names what the proposals column holds. */
export function CapacityTable(props: { data: Overview; proposalsLabel: string; caption: string }) {
  const cells = (r: Omit<Row, "gbId" | "code" | "name">) => (
    <>
      <td>{personDays(r.internalDays)}</td>
      <td>
        {personDays(r.contractDays)}
        <Show when={r.consumedDays > 0}>
          <br />
          <span class="muted">davon abgerufen {personDays(r.consumedDays)}</span>
        </Show>
      </td>
      <td>{personDays(r.availableDays)}</td>
      <td>
        {personDays(r.projectDays)}
        <Show when={r.projectsWithoutEffort > 0}>
          <br />
          <span class="muted">
            {formatCountOf(r.projectsWithoutEffort, "Projekt", "Projekte")} ohne PT-Angabe
          </span>
        </Show>
      </td>
      <td>
        {personDays(r.proposalDays)}
        <Show when={r.proposalsWithoutEffort > 0}>
          <br />
          <span class="muted">
            {formatCountOf(r.proposalsWithoutEffort, "Anmeldung", "Anmeldungen")} ohne PT-Angabe
          </span>
        </Show>
      </td>
      <td classList={{ "text-overdue": r.overCommitted }}>{freeText(r)}</td>
    </>
  );
  return (
    <TableScroll>
      <table class="table capacity-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Geschäftsbereich</th>
            <th scope="col">eigenes Personal</th>
            <th scope="col">Rahmenverträge</th>
            <th scope="col">verfügbar</th>
            <th scope="col">genehmigte und laufende Projekte</th>
            <th scope="col">{props.proposalsLabel}</th>
            <th scope="col">Saldo</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.data.rows}>
            {(r) => (
              <tr>
                <th scope="row">
                  {r.code} – {r.name}
                </th>
                {cells(r)}
              </tr>
            )}
          </For>
          <Show when={props.data.central}>
            {(c) => (
              <tr>
                <th scope="row">{c().name}</th>
                {cells(c())}
              </tr>
            )}
          </Show>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summe</th>
            {cells(props.data.total)}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

// Shared pieces of the benchmark screens: German numbers for scores, the group and Stichtag pickers, the row of a
// figure (published, or the suppression reason in German), and the box plot option.
import type { Figures } from "@spatz/benchmark";
import { formatDate, formatInteger, formatNumber } from "@spatz/domain";
import { For, type JSX, Show } from "solid-js";
import type { trpc } from "../lib/trpc.ts";
import { SelectField } from "../ui/Field.tsx";

export type Catalogue = Awaited<ReturnType<typeof trpc.benchmark.catalogue.query>>;

/** Scores and the index with two decimals (the engine's scale 0–4). */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : formatNumber(value, 2);
}

export function stichtagLabel(stichtag: string): string {
  return stichtag === "current" ? "aktuell" : `Monatsende ${formatDate(stichtag)}`;
}

export function GroupPicker(props: {
  catalogue: Catalogue;
  value: string;
  onChange: (id: string) => void;
  /** Only the groups the caller's Kommune belongs to (the Vergleich page). */
  ownOnly?: boolean;
}) {
  const groups = () => props.catalogue.groups.filter((g) => !props.ownOnly || g.own);
  return (
    <SelectField
      label="Vergleichsgruppe"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      options={groups().map((g) => ({
        value: g.id,
        label: `${g.partitionLabel}: ${g.label} (${formatInteger(g.members)} Kommunen${g.published ? "" : ", nicht ausgewiesen"})`,
      }))}
    />
  );
}

export function StichtagPicker(props: {
  catalogue: Catalogue;
  value: string;
  onChange: (s: string) => void;
}) {
  return (
    <SelectField
      label="Stichtag"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      options={[
        { value: "current", label: "aktuell" },
        ...[...props.catalogue.stichtage].reverse().map((d) => ({ value: d, label: stichtagLabel(d) })),
      ]}
    />
  );
}

/** The cells of one figure in a table row: n, min, p25, median, p75, max, mean, or the reason it is not shown. */
export function FigureCells(props: { figures: Figures }): JSX.Element {
  return (
    <Show
      when={!props.figures.suppressed && props.figures}
      fallback={
        <td colSpan={7} class="suppressed">
          {props.figures.suppressed ? props.figures.reason : ""}
        </td>
      }
    >
      {(f) => (
        <>
          <td class="num">{formatInteger(f().n)}</td>
          <td class="num">{formatScore(f().min)}</td>
          <td class="num">{formatScore(f().p25)}</td>
          <td class="num">{formatScore(f().median)}</td>
          <td class="num">{formatScore(f().p75)}</td>
          <td class="num">{formatScore(f().max)}</td>
          <td class="num">{formatScore(f().mean)}</td>
        </>
      )}
    </Show>
  );
}

export const FIGURE_HEADERS = ["Kommunen", "Min.", "25 %", "Median", "75 %", "Max.", "Mittel"];

export function FigureHeaderCells() {
  return (
    <For each={FIGURE_HEADERS}>
      {(h) => (
        <th scope="col" class="num">
          {h}
        </th>
      )}
    </For>
  );
}

// The two columns every coverage table of the Land ends with: "online / zuständig", leading to those online entries,
// and the share online with its meter. One definition, so that all tables count, sort and link alike.
import { A } from "@solidjs/router";
import { formatCount } from "./format.ts";
import type { Column } from "./SortTable.tsx";
import { drillHref, Share } from "./ui.tsx";

type Coverage = { online: number; relevant: number; share: number | null };

export function coverageColumns<R extends Coverage>(
  /** The entries filter of the row (its Kreis, Kommune, service …); the link adds status "online". */
  filter: (row: R) => Record<string, string | number | undefined>,
  /** Names the row in the link for screen readers, where the row's first column is not enough. */
  rowName?: (row: R) => string,
): Column<R>[] {
  const figures = (r: R) => `${formatCount(r.online)} / ${formatCount(r.relevant)}`;
  return [
    {
      key: "online",
      header: "online / zuständig",
      num: true,
      sort: (r) => r.online,
      cell: (r) => (
        <A
          href={drillHref({ ...filter(r), status: "online" })}
          aria-label={rowName ? `${figures(r)} online: ${rowName(r)}` : undefined}
        >
          {figures(r)}
        </A>
      ),
    },
    {
      key: "share",
      header: "Anteil online",
      num: true,
      sort: (r) => r.share,
      cell: (r) => <Share share={r.share} />,
    },
  ];
}

// Impressum, Datenschutz and Erklärung zur Barrierefreiheit: public pages (no sign-in), linked from every page's
// footer; the texts come from the operator (legal.page), shown as headings and paragraphs, never as markup.
import type { LegalPage as Page } from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { For } from "solid-js";
import { trpc } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";

export function LegalPage(props: { page: Page }) {
  const doc = useQuery(() => ({
    queryKey: ["legal.page", props.page],
    queryFn: () => trpc.legal.page.query({ page: props.page }),
    staleTime: Number.POSITIVE_INFINITY,
  }));
  return (
    <QueryView query={doc}>
      {(d) => (
        <article class="legal-text">
          <PageHeader title={d.title} />
          <For each={d.blocks}>{(b) => (b.type === "heading" ? <h2>{b.text}</h2> : <p>{b.text}</p>)}</For>
        </article>
      )}
    </QueryView>
  );
}

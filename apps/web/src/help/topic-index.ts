// Which help topic a page belongs to, decided by its path: small, because every page header links to its help and
// the header is on the first page; the texts themselves (topics.ts) come with the help page.

export const HELP_TOPIC_INDEX = [
  {
    slug: "reifegrad",
    title: "Reifegrad und Maßnahmen",
    paths: ["/reifegrad", "/massnahmen", "/land/reifegradmodell"],
  },
  { slug: "strategie", title: "Digitalisierungsstrategie", paths: ["/strategie"] },
  {
    slug: "portfolio",
    title: "Projektportfolio und Projektsteuerung",
    paths: ["/portfolio", "/land/pm-koffer"],
  },
  {
    slug: "onlinedienste",
    title: "Onlinedienste (OZG/EfA)",
    paths: ["/rollout", "/land/rollout", "/land/katalog", "/land/kosten"],
  },
  {
    slug: "vergleich",
    title: "Vergleich der Kommunen",
    paths: ["/vergleich", "/land/reifegrad", "/verwaltung/vergleich"],
  },
  { slug: "berichte", title: "Berichte", paths: ["/berichte"] },
  { slug: "governance", title: "IT-Governance", paths: ["/steuerung"] },
] as const;

export type HelpTopicSlug = (typeof HELP_TOPIC_INDEX)[number]["slug"];

/** The help topic of a page, from its path (a path and everything below it; the start page and others get none). */
export function topicForPath(path: string): { slug: HelpTopicSlug; title: string } | null {
  const within = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  return HELP_TOPIC_INDEX.find((t) => t.paths.some(within)) ?? null;
}

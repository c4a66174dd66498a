// The demo org unit trees, shared by the portfolio and the maturity demo: both seeds put their projects and measures
// into one tree per Kommune. `ensureOrgUnits` creates only what is missing, matching a unit by its parent and its
// code (a code is unique among siblings, not per tenant: Halle has "Quer" below "ALL" and below "OB"), so whichever
// seed runs second reuses the first one's units and a rerun creates nothing.
import { and, eq, isNull } from "drizzle-orm";
import { codeKey } from "../queries/org-units.ts";
import { type OrgUnitKind, orgUnits } from "../schema/org-units.ts";
import type { TenantTx } from "../tenant-tx.ts";

/** One unit; `parent` is the parent's path, a unit's own path is `parent/code` ("OB", "II/53", "LR/Dez I/FD 12"). */
export type SeedOrgUnit = { code: string; name: string; parent: string | null };

export const unitPath = (u: Pick<SeedOrgUnit, "code" | "parent">): string =>
  u.parent ? `${u.parent}/${u.code}` : u.code;

/** A Geschäftsbereich with its Ressorts/Fachbereiche: [code, name]. */
export type DemoGb = { code: string; name: string; children: [string, string][] };

/** GB → R as a flat list of units (parents first). */
export function gbTree(gbs: DemoGb[]): SeedOrgUnit[] {
  return gbs.flatMap((gb) => [
    { code: gb.code, name: gb.name, parent: null },
    ...gb.children.map(([code, name]) => ({ code, name, parent: gb.code })),
  ]);
}

/** Halle's org structure for the demo: GB with R/Fachbereiche numbered after the KGSt plan (names for the demo). */
const HALLE: DemoGb[] = [
  { code: "ALL", name: "Alle Geschäftsbereiche (übergreifend)", children: [["Quer", "Querschnitt"]] },
  {
    code: "OB",
    name: "Geschäftsbereich Oberbürgermeister",
    children: [
      ["Quer", "Querschnitt OB"],
      ["13", "Fachbereich Presse und Kommunikation"],
      ["14", "Fachbereich Rechnungsprüfung"],
      ["201", "Team Energiemanagement"],
      ["30", "Fachbereich Recht"],
      ["37", "Fachbereich Feuerwehr"],
    ],
  },
  {
    code: "I",
    name: "Geschäftsbereich I – Finanzen und Personal",
    children: [
      ["11", "Fachbereich Personal"],
      ["12", "Fachbereich Informationstechnik"],
      ["20", "Fachbereich Finanzen"],
      ["23", "Fachbereich Immobilien"],
    ],
  },
  {
    code: "II",
    name: "Geschäftsbereich II – Bildung, Kultur und Soziales",
    children: [
      ["40", "Fachbereich Bildung"],
      ["41", "Fachbereich Kultur"],
      ["50", "Fachbereich Soziales"],
      ["51", "Fachbereich Kinder, Jugend und Familie"],
      // The Modellprojekt "Digitales Gesundheitsamt" of the maturity demo, with its own strategy.
      ["53", "Gesundheitsamt"],
    ],
  },
  {
    code: "III",
    name: "Geschäftsbereich III – Stadtentwicklung und Umwelt",
    children: [
      ["61", "Fachbereich Städtebau und Bauordnung"],
      ["62", "Fachbereich Vermessung und Geodaten"],
      ["66", "Fachbereich Mobilität"],
      ["67", "Fachbereich Umwelt"],
    ],
  },
  {
    code: "IV",
    name: "Geschäftsbereich IV – Sicherheit und Bürgerservice",
    children: [
      ["32", "Fachbereich Sicherheit"],
      ["33", "Fachbereich Einwohnerwesen"],
      ["34", "Standesamt"],
    ],
  },
];

/** The Kommunen with a demo portfolio; every other Kommune gets a generic tree by its kind (maturity-demo-plan.ts). */
export const DEMO_ORG_TREES: Readonly<Record<string, DemoGb[]>> = {
  "halle-saale": HALLE,
  magdeburg: [
    { code: "OB", name: "Oberbürgermeisterin", children: [["01", "Büro der Oberbürgermeisterin"]] },
    {
      code: "I",
      name: "Dezernat I – Allgemeine Verwaltung",
      children: [
        ["10", "Amt für Digitalisierung"],
        ["33", "Bürgerservice"],
      ],
    },
    { code: "IV", name: "Dezernat IV – Bildung", children: [["40", "Fachbereich Schule und Sport"]] },
  ],
  "dessau-rosslau": [
    { code: "OB", name: "Oberbürgermeister", children: [["10", "Amt für Zentrale Dienste"]] },
    {
      code: "III",
      name: "Dezernat III – Bürgerservice und Ordnung",
      children: [
        ["32", "Ordnungsamt"],
        ["33", "Bürgeramt"],
      ],
    },
  ],
  "landkreis-harz": [
    { code: "LR", name: "Landrat", children: [["10", "Amt für Digitalisierung und IT"]] },
    {
      code: "II",
      name: "Dezernat II – Soziales und Gesundheit",
      children: [
        ["50", "Sozialamt"],
        ["53", "Gesundheitsamt"],
      ],
    },
    { code: "III", name: "Dezernat III – Bauen und Umwelt", children: [["63", "Bauordnungsamt"]] },
  ],
};

/** Top level: Geschäftsbereich; directly below one: Ressort/Fachbereich; deeper: other units. */
function kindAt(parentKind: OrgUnitKind | null): OrgUnitKind {
  if (parentKind === null) return "gb";
  return parentKind === "gb" ? "r" : "other";
}

/**
 * Makes sure every unit of `units` exists (parents must come before their children) and returns the id of each by
 * its path. One read of the tenant's units and one insert per tree level; `on conflict do nothing` lets the two
 * seeds run at the same time (the loser of a race reads the winner's row).
 */
export async function ensureOrgUnits(
  tx: TenantTx,
  tenantId: string,
  units: readonly SeedOrgUnit[],
): Promise<Map<string, string>> {
  const columns = { id: orgUnits.id, code: orgUnits.code, kind: orgUnits.kind, parentId: orgUnits.parentId };
  const rows = await tx.select(columns).from(orgUnits);
  const ids = new Map<string, string>();
  const kinds = new Map<string, OrgUnitKind>();
  const parentId = (u: SeedOrgUnit) => (u.parent ? ids.get(u.parent)! : null);
  const find = (u: SeedOrgUnit) =>
    rows.find((r) => r.parentId === parentId(u) && codeKey(r.code) === codeKey(u.code));
  let pending = [...units];
  while (pending.length > 0) {
    const ready = pending.filter((u) => u.parent === null || ids.has(u.parent));
    if (ready.length === 0) throw new Error(`org unit tree: missing parent of ${unitPath(pending[0]!)}`);
    pending = pending.filter((u) => !ready.includes(u));
    const missing = ready.filter((u) => !find(u));
    if (missing.length > 0) {
      const position = new Map<string | null, number>();
      const values = missing.map((u) => {
        const n = position.get(parentId(u)) ?? 0;
        position.set(parentId(u), n + 1);
        const kind = kindAt(u.parent ? kinds.get(u.parent)! : null);
        return { tenantId, code: u.code, name: u.name, kind, parentId: parentId(u), sortOrder: n };
      });
      rows.push(...(await tx.insert(orgUnits).values(values).onConflictDoNothing().returning(columns)));
      for (const u of missing.filter((m) => !find(m))) {
        const p = parentId(u);
        rows.push(
          ...(await tx
            .select(columns)
            .from(orgUnits)
            .where(and(p ? eq(orgUnits.parentId, p) : isNull(orgUnits.parentId), eq(orgUnits.code, u.code)))),
        );
      }
    }
    for (const u of ready) {
      const row = find(u);
      if (!row) throw new Error(`org unit ${unitPath(u)} could not be created`);
      ids.set(unitPath(u), row.id);
      kinds.set(unitPath(u), row.kind);
    }
  }
  return ids;
}

// The Land's first PM-Koffer (demo): the chapters and templates the seed's "digitale Bereitstellung eines praktischen
// Projektmanagement-Handbuchs/Koffers" asks for, in Markdown, and Halle's own chapter on top. Published once by the
// state (idempotent: nothing happens when a version exists), through the same functions as the screens.

import { eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { STATE_TENANT_ID } from "../constants.ts";
import type { HandbookChapterValues } from "../queries/handbook.ts";
import { publishHandbook, saveHandbookDraft, saveLocalChapter } from "../queries/handbook.ts";
import { handbookVersions } from "../schema/handbook.ts";
import { tenants } from "../schema/tenants.ts";
import { withoutTenant, withTenant } from "../tenant-tx.ts";
import { HALLE_SLUG } from "./maturity-demo-halle.ts";

const ACTOR = { userId: null, label: "Demo-Daten" };

export const PM_KOFFER_CHAPTERS: HandbookChapterValues[] = [
  {
    key: "einfuehrung",
    kind: "chapter",
    title: "Einführung: Projekte in der Kommunalverwaltung",
    body: `Dieser PM-Koffer bündelt, was ein Projekt in einer Kommune in Sachsen-Anhalt braucht – von der Anmeldung bis zum Abschluss.

- **Klein anfangen:** Nicht jedes Vorhaben braucht alle Vorlagen. Ab 20 Personentagen oder 25.000 € Budget gelten die Mindeststandards.
- **Mindeststandards:** Projektsteckbrief, Meilensteinplan, Risikoliste, Statusbericht und Abnahme.
- **Eigene Ergänzungen:** Jede Kommune kann eigene Kapitel und Vorlagen ergänzen; sie erscheinen unter „Ergänzungen Ihrer Verwaltung“.`,
    standard: null,
    form: null,
  },
  {
    key: "methode-waehlen",
    kind: "chapter",
    title: "Klassisch, agil oder hybrid? Die Methode wählen",
    body: `Die Entscheidungshilfe im Projekt (Abschnitt „Methode“) stellt fünf Fragen und schlägt eine Methode vor:

1. **Klassisch** (Phasen, Meilensteine, Abnahme am Ende), wenn Anforderungen, Umfang und Termin feststehen.
2. **Agil** (kurze Zyklen, regelmäßige Zwischenstände), wenn der Lösungsweg offen ist und Nutzende mitwirken können.
3. **Hybrid**: ein klassischer Rahmen mit Meilensteinen und Budget, darin agile Umsetzung – in Verwaltungsprojekten häufig.

Der Vorschlag ist eine Empfehlung; die Projektleitung entscheidet und begründet Abweichungen.`,
    standard: null,
    form: null,
  },
  {
    key: "projektsteckbrief",
    kind: "template",
    title: "Projektsteckbrief",
    body: `| Feld | Inhalt |
| --- | --- |
| Projektname | |
| Auftraggeber/in | |
| Projektleitung | |
| Ausgangslage und Ziel | |
| Nicht-Ziele (Abgrenzung) | |
| Beteiligte Fachbereiche | |
| Aufwand (PT) und Budget | |
| Termine (Start, Ende, wichtige Meilensteine) | |
| Nachnutzung (EfA, andere Kommunen) | |`,
    standard: "charter",
    form: null,
  },
  {
    key: "meilensteinplan",
    kind: "chapter",
    title: "Meilensteinplan",
    body: `Ein Meilenstein ist ein prüfbares Ergebnis mit Datum – kein Arbeitspaket. Erfassen Sie die Meilensteine im Projekt; überfällige werden markiert.

- höchstens ein Meilenstein je Monat, mindestens einer je Quartal
- jeder Meilenstein hat ein Abnahmekriterium`,
    standard: "milestone_plan",
    form: null,
  },
  {
    key: "risikomanagement",
    kind: "template",
    title: "Risikoliste und Risikobehandlungsplan",
    body: `Bewerten Sie jedes Risiko nach **Eintrittswahrscheinlichkeit** und **Auswirkung** (1 bis 5). Ab einem Produkt von 15 ist es kritisch und erscheint auf der Startseite der Verwaltungsführung.

Für jedes kritische Risiko gehört eine Behandlung in den Risikobehandlungsplan – am besten als Maßnahme, die im Reifegrad mitzählt.`,
    standard: "risk_register",
    form: "risk_register",
  },
  {
    key: "statusbericht",
    kind: "template",
    title: "Statusbericht mit Ampel",
    body: `Der Statusbericht beurteilt **Termine, Kosten, Qualität/Umfang und Ressourcen** je mit einer Ampel, fasst den Stand zusammen und nennt die nächsten Schritte und den Entscheidungsbedarf.

Rhythmus: alle vier Wochen, solange das Projekt in Umsetzung ist (das PMO kann ihn je Projekt ändern).`,
    standard: "status_report",
    form: "status_report",
  },
  {
    key: "abschluss",
    kind: "template",
    title: "Abnahme und Abschlussbericht",
    body: `1. Abnahme der Ergebnisse durch den Auftraggeber (Datum, Vorbehalte)
2. Soll-Ist-Vergleich: Termine, Kosten, Umfang
3. Übergabe in den Betrieb: Verantwortliche, Dokumentation, Schulung
4. Offene Punkte mit Verantwortlichen`,
    standard: "acceptance",
    form: null,
  },
  {
    key: "lessons-learned",
    kind: "template",
    title: "Lessons learned",
    body: `Drei Fragen, im Team nach Abschluss (oder nach jedem größeren Meilenstein):

- Was hat gut funktioniert und soll bleiben?
- Was würden wir beim nächsten Mal anders machen?
- Was sollte die ganze Verwaltung daraus lernen (z. B. als Ergänzung dieses PM-Koffers)?`,
    standard: null,
    form: null,
  },
];

export async function seedPmKoffer(db: Database): Promise<{ published: boolean; localChapters: number }> {
  const published = await withTenant(db, STATE_TENANT_ID, async (tx) => {
    if ((await tx.select({ id: handbookVersions.id }).from(handbookVersions).limit(1)).length > 0)
      return false;
    await saveHandbookDraft(tx, STATE_TENANT_ID, ACTOR, {
      title: "PM-Koffer Sachsen-Anhalt",
      changes: "Erste Fassung: Mindeststandards, Methodenwahl und Vorlagen.",
      chapters: PM_KOFFER_CHAPTERS,
    });
    await publishHandbook(tx, STATE_TENANT_ID, ACTOR, "Landes-PMO (Demo-Daten)");
    return true;
  });
  if (!published) return { published: false, localChapters: 0 };
  const [halle] = await withoutTenant(
    db,
    (tx) => tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, HALLE_SLUG)),
    { readOnly: true },
  );
  if (!halle) return { published, localChapters: 0 };
  await withTenant(db, halle.id, (tx) =>
    saveLocalChapter(tx, halle.id, ACTOR, {
      kind: "chapter",
      title: "Projektanmeldung in Halle (Saale)",
      body: `Vorhaben für das Folgejahr melden die Geschäftsbereiche bis **30. September** über SPATZ an (Portfolio → Projektanmeldung). Der Digitalisierungsrat priorisiert im Oktober; der Verwaltungsausschuss beschließt die Mittel.

Beratungsleistungen werden über die **Rahmenverträge Consultingleistungen** (VA-Beschluss vom 25.05.2023) abgerufen.`,
    }),
  );
  return { published, localChapters: 1 };
}

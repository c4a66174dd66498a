// The help pages (/hilfe/<thema>): per module what it is for and the German terms it uses, in plain words. Their
// slugs and titles, and which pages belong to them, are in topic-index.ts (every page header links to its help).
import { HELP_TOPIC_INDEX, type HelpTopicSlug } from "./topic-index.ts";

export type HelpTerm = { term: string; explanation: string };
export type HelpTopic = { slug: HelpTopicSlug; title: string; intro: string; terms: HelpTerm[] };

const CONTENT: readonly Omit<HelpTopic, "title">[] = [
  {
    slug: "reifegrad",
    intro:
      "Der Reifegrad zeigt, wie weit die Digitalisierung Ihrer Verwaltung ist – je Dimension und insgesamt. Er steigt von selbst, sobald Maßnahmen mit Nachweis abgeschlossen sind.",
    terms: [
      {
        term: "Dimension",
        explanation:
          "Ein Themenbereich des Reifegradmodells, z. B. Strategie, Prozesse oder Informationssicherheit.",
      },
      {
        term: "Stufe",
        explanation:
          "Die erreichte Reifegradstufe einer Dimension (0 bis 4). Eine Stufe gilt erst, wenn alle ihre Kriterien und alle Kriterien der Stufen darunter erfüllt sind.",
      },
      {
        term: "Wert",
        explanation:
          "Die genauere Zahl hinter der Stufe: Stufe plus der Anteil der erfüllten Kriterien der nächsten Stufe (z. B. 2,5 = Stufe 2, die Hälfte von Stufe 3 erfüllt).",
      },
      {
        term: "Index",
        explanation: "Der Mittelwert der Werte aller Dimensionen: eine Zahl für die ganze Verwaltung.",
      },
      {
        term: "Kriterium",
        explanation:
          "Eine Bedingung einer Stufe. Sie ist erfüllt, wenn eine abgeschlossene Maßnahme sie mit Nachweis belegt; manche Kriterien laufen nach einer Frist ab und müssen erneuert werden.",
      },
      {
        term: "Ist / Soll",
        explanation:
          "Ist ist der heutige Reifegrad, Soll das Ziel der freigegebenen Strategie. Der Plan zeigt, wo der Reifegrad stünde, wenn die geplanten Maßnahmen termingerecht abgeschlossen würden.",
      },
      {
        term: "überfällig",
        explanation: "Eine Maßnahme, deren geplantes Ende vorbei ist, ohne dass sie abgeschlossen wurde.",
      },
    ],
  },
  {
    slug: "strategie",
    intro:
      "Die Strategie hält Vision, Ziele und Soll-Stufen fest. Die Steuerung (CDO) entwirft sie, die Verwaltungsführung gibt sie frei.",
    terms: [
      {
        term: "Kennzahl",
        explanation:
          "Macht ein Ziel messbar: Ausgangswert, Zielwert und Termin, dazu die gemessenen Werte. „Im Plan“ heißt: der letzte Wert hat mindestens den Anteil des Wegs geschafft, der bei gleichmäßigem Fortschritt bis heute zu erwarten war.",
      },
      { term: "Entwurf", explanation: "Eine Fassung, die noch geändert werden kann und noch nicht gilt." },
      {
        term: "Freigabe",
        explanation:
          "Die Verwaltungsführung gibt eine Fassung frei; ab dann gilt ihr Soll und sie bleibt unverändert.",
      },
      { term: "Soll-Stufe", explanation: "Die Stufe, die eine Dimension bis zum Zieldatum erreichen soll." },
    ],
  },
  {
    slug: "portfolio",
    intro:
      "Das Portfolio enthält alle Digitalisierungsprojekte mit Laufzeit, Budget, Meilensteinen, Statusberichten und Risiken.",
    terms: [
      {
        term: "PM-Koffer",
        explanation:
          "Das Projektmanagement-Handbuch des Landes mit Vorlagen, in Fassungen veröffentlicht. Ihre Verwaltung kann eigene Kapitel ergänzen; eine neue Fassung des Landes wird angezeigt, bis die Koordination sie zur Kenntnis nimmt.",
      },
      {
        term: "Entscheidungshilfe zur Methode",
        explanation:
          "Fünf Ja/Nein-Fragen schlagen klassisch, agil oder hybrid vor. Die gewählte Methode steht am Projekt, Antworten und Vorschlag im Verlauf.",
      },
      {
        term: "Kapazität",
        explanation:
          "Die Personentage (PT), die ein Geschäftsbereich im Jahr für Projekte hat – aus eigenem Personal und aus Rahmenverträgen. Ihnen stehen die PT der genehmigten und laufenden Projekte und der offenen Anmeldungen gegenüber, jeweils mit dem Anteil, der auf das Jahr fällt. Ist der Saldo negativ, ist der Bereich überplant.",
      },
      {
        term: "Anmelderunde",
        explanation:
          "Ein Zeitraum, in dem Projektideen angemeldet, bewertet und vom PMO genehmigt oder abgelehnt werden.",
      },
      {
        term: "Statusbericht und Ampel",
        explanation:
          "Der regelmäßige Bericht eines laufenden Projekts mit einer Ampel je Termine, Kosten, Qualität/Umfang und Ressourcen. Die Gesamtampel ist die schlechteste der vier. Ein Projekt in Umsetzung berichtet alle vier Wochen.",
      },
      {
        term: "Risiko, kritisch",
        explanation:
          "Eintrittswahrscheinlichkeit und Auswirkung werden von 1 (sehr gering) bis 5 (sehr hoch) bewertet; ab einem Produkt von 15 ist ein Risiko kritisch und erscheint auf der Startseite der Verwaltungsführung.",
      },
      {
        term: "PM-Standards",
        explanation:
          "Die Bausteine des Projektmanagements (Steckbrief, Meilensteinplan …), die ein Projekt anwendet.",
      },
    ],
  },
  {
    slug: "onlinedienste",
    intro:
      "Hier steht, welche Leistungen des OZG-Katalogs Ihre Kommune schon online anbietet, plant oder umsetzt. Das Land sieht daraus den Stand im ganzen Land.",
    terms: [
      {
        term: "Nachnutzungsweg",
        explanation:
          "Wie ein Dienst online kommt: als EfA-Dienst eines anderen Landes („Einer für Alle“), über einen Marktplatz, als Landeslösung oder als eigene Lösung.",
      },
      {
        term: "EfA",
        explanation: "„Einer für Alle“: ein Land entwickelt einen Onlinedienst, die anderen nutzen ihn nach.",
      },
      {
        term: "LeiKa-Typ",
        explanation:
          "Die Art einer Leistung im Leistungskatalog (LeiKa); sie bestimmt, welche Ebene (Land, Kreis, Gemeinde) zuständig ist.",
      },
      {
        term: "Paare Kommune × Leistung",
        explanation:
          "Jede Leistung zählt einmal für jede Kommune, die für sie zuständig ist. „60 % online“ heißt: 60 % dieser Paare sind online.",
      },
      {
        term: "überfällig",
        explanation: "Ein Dienst „in Umsetzung“, dessen geplanter Online-Termin vorbei ist.",
      },
    ],
  },
  {
    slug: "vergleich",
    intro:
      "Der Vergleich zeigt Ihre Werte neben denen ähnlicher Kommunen – ohne dass eine einzelne Kommune erkennbar wird, außer sie gibt ihre Werte namentlich frei.",
    terms: [
      {
        term: "Vergleichsgruppe",
        explanation:
          "Alle Kommunen, Kommunen derselben Art, derselben Größenklasse oder desselben Landkreises.",
      },
      {
        term: "Mindestgröße k",
        explanation:
          "Eine Gruppe wird nur gezeigt, wenn sie mindestens k Kommunen umfasst; sonst steht dort „nicht ausgewiesen“.",
      },
      {
        term: "Freigabe",
        explanation: "Eine Kommune kann ihre Werte namentlich mit dem Land oder mit anderen Kommunen teilen.",
      },
    ],
  },
  {
    slug: "berichte",
    intro:
      "Berichte entstehen auf Knopfdruck oder nach Zeitplan als PDF, CSV und Excel und bleiben im Archiv.",
    terms: [
      { term: "Stichtag", explanation: "Der Tag, für den ein Bericht die Zahlen zeigt." },
      {
        term: "Abonnement",
        explanation:
          "Wer einen geplanten Bericht abonniert, bekommt eine E-Mail mit einem Link, sobald er vorliegt.",
      },
    ],
  },
  {
    slug: "governance",
    intro:
      "Wer in Ihrer Verwaltung über IT und Digitalisierung entscheidet und wie: Gremien, Beschlüsse, die RACI-Matrix und die Steuerungsprozesse. Sie sind zugleich Nachweise für Kriterien des Reifegradmodells.",
    terms: [
      {
        term: "Gremium",
        explanation:
          "Ein Kreis, der regelmäßig entscheidet, z. B. Verwaltungsausschuss, Digitalisierungsrat oder Lenkungskreis – mit Vorsitz, Mitgliedern und Sitzungsrhythmus.",
      },
      {
        term: "Beschluss",
        explanation:
          "Eine Entscheidung eines Gremiums in einer Sitzung, mit Nummer und Text. Er kann sich auf Maßnahmen, Projekte oder eine Fassung der Strategie beziehen. Ein aufgehobener Beschluss zählt ab dem Tag der Aufhebung nicht mehr.",
      },
      {
        term: "RACI-Matrix",
        explanation:
          "Legt je Entscheidungsbereich fest, wer durchführt (R), entscheidet (A, genau einmal), beteiligt (C) und informiert (I) wird. Eine veröffentlichte Fassung bleibt unverändert; Änderungen sind die nächste Fassung.",
      },
      {
        term: "Prozessüberprüfung",
        explanation:
          "Ein Prozess wird in seinem Rhythmus überprüft. Jede Überprüfung gilt bis zur nächsten Fälligkeit; danach ist sie überfällig.",
      },
      {
        term: "Nachweis aus der Governance",
        explanation:
          "Ein Beschluss, die veröffentlichte RACI-Matrix oder eine Prozessüberprüfung kann Kriterien des Reifegradmodells erfüllen – wie eine abgeschlossene Maßnahme, und nur so lange, wie sie gilt.",
      },
    ],
  },
];

export const HELP_TOPICS: readonly HelpTopic[] = CONTENT.map((topic) => ({
  ...topic,
  title: HELP_TOPIC_INDEX.find((t) => t.slug === topic.slug)!.title,
}));

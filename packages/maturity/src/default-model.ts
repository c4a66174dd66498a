/**
 * The state's default maturity model for municipal administrations. Dimensions follow the public
 * Reifegradmodell Digitales Gesundheitsamt; the criteria use the milestones of Halle (Saale) where they fit.
 * Criterion keys are "dimension.level.slug" and must never change once published: measures link to them.
 */
import type { Criterion, CriterionLevel, Dimension, MaturityModel } from "./types.ts";

export const DEFAULT_LEVEL_NAMES: Readonly<Record<CriterionLevel, string>> = {
  1: "Einstieg",
  2: "Grundlagen",
  3: "Fortgeschritten",
  4: "Optimiert",
};

type CriterionData = [slug: string, title: string, explanation: string, validityMonths?: number];

function dimension(
  key: string,
  name: string,
  description: string,
  levels: [CriterionData[], CriterionData[], CriterionData[], CriterionData[]],
): Dimension {
  return {
    key,
    name,
    description,
    weight: 1,
    levels: levels.map((criteria, index) => {
      const level = (index + 1) as CriterionLevel;
      return {
        level,
        name: DEFAULT_LEVEL_NAMES[level],
        criteria: criteria.map(
          ([slug, title, explanation, validityMonths]): Criterion => ({
            key: `${key}.${level}.${slug}`,
            title,
            explanation,
            validityMonths: validityMonths ?? null,
          }),
        ),
      };
    }),
  };
}

const strategie = dimension(
  "strategie",
  "Strategie & Steuerung",
  "Strategische Ausrichtung, Governance und Steuerung der Digitalisierung durch die Verwaltungsführung.",
  [
    [
      [
        "verantwortung",
        "Verantwortung für Digitalisierung benannt",
        "Eine verantwortliche Person (CDO bzw. Digitalisierungsbeauftragte/r) ist mit Aufgaben und Befugnissen benannt. Nachweis: Verfügung oder Geschäftsverteilungsplan.",
      ],
      [
        "bestandsaufnahme",
        "Bestandsaufnahme Digitalisierung erstellt",
        "Laufende Vorhaben, Fachverfahren und Problemlagen sind erfasst und der Verwaltungsführung vorgestellt. Nachweis: Bestandsbericht oder Projektliste mit Stand.",
      ],
    ],
    [
      [
        "strategie-beschlossen",
        "Digitalisierungsstrategie durch Verwaltungsführung beschlossen",
        "Eine Digitalisierungsstrategie mit Vision und Zielen ist beschlossen und in der Verwaltung bekannt gemacht. Nachweis: Beschluss (z. B. der Verwaltungskonferenz) und veröffentlichtes Strategiedokument.",
      ],
      [
        "it-governance",
        "IT-Governance definiert (Rollen, Gremien, Prozesse)",
        "Rollen, Kompetenzen und Verantwortung, die Gremien und die Steuerungsprozesse für IT und Digitalisierung sind festgelegt und dokumentiert. Nachweis: beschlossenes Governance-Dokument und Protokoll der konstituierenden Gremiensitzung.",
      ],
      [
        "pm-standards",
        "Projektmanagement-Standards und PM-Handbuch eingeführt",
        "Ein verbindliches Projektmanagement-Handbuch für klassische, agile und hybride Vorhaben ist mit Vorlagen digital bereitgestellt. Nachweis: veröffentlichtes Handbuch und seine Anwendung in neuen Projekten.",
      ],
    ],
    [
      [
        "ziele-konkretisiert",
        "Ziele in allen Fachbereichen konkretisiert",
        "Die Strategieziele sind mit den Fachbereichen erarbeitet, bewertet, konkretisiert und mit Terminen beschlossen. Nachweis: Soll-Reifegrade bzw. Zielvereinbarungen je Fachbereich.",
      ],
      [
        "portfolio-priorisiert",
        "Projektportfolio jährlich priorisiert",
        "Alle Digitalisierungsvorhaben durchlaufen die jährliche Projektanmeldung mit Bewertung und Priorisierung durch ein zentrales PMO. Nachweis: beschlossene priorisierte Projektliste des Jahres.",
        12,
      ],
      [
        "ressourcen",
        "Ressourcen für die Umsetzung eingeplant",
        "Personal und Haushaltsmittel für die priorisierten Vorhaben sind im Haushalt und Stellenplan eingeplant. Nachweis: Haushaltsansätze oder Stellen mit Bezug zur Strategie.",
      ],
    ],
    [
      [
        "fortschreibung",
        "Strategie jährlich fortgeschrieben",
        "Die Strategie wird mindestens jährlich überprüft und fortgeschrieben. Nachweis: fortgeschriebene Fassung mit Beschlussdatum.",
        12,
      ],
      [
        "wirkungsbericht",
        "Wirkung jährlich mit Kennzahlen berichtet",
        "Die Verwaltungsführung erhält jährlich einen Bericht zu Zielerreichung, Reifegrad und Nutzen der Vorhaben und leitet Konsequenzen ab. Nachweis: Bericht und Protokoll der Befassung.",
        12,
      ],
    ],
  ],
);

const kompetenzen = dimension(
  "kompetenzen",
  "Mitarbeitende & Kompetenzen",
  "Digitale Kompetenzen, Qualifizierung und Veränderungsbereitschaft der Mitarbeitenden.",
  [
    [
      [
        "bedarfserhebung",
        "Qualifizierungsbedarf erhoben",
        "Der Bedarf an digitalen Kompetenzen ist für alle Organisationseinheiten erhoben, z. B. durch Befragung oder Workshops. Nachweis: Auswertung der Erhebung.",
      ],
      [
        "digitallotsen",
        "Digitallotsen in den Fachbereichen benannt",
        "Jeder Fachbereich hat eine Ansprechperson für Digitalisierungsfragen. Nachweis: aktuelle Liste im Intranet.",
      ],
    ],
    [
      [
        "schulungsplattform",
        "Schulungsplattform und -inhalte nutzbar",
        "Eine Lern-/Wissensplattform (z. B. Moodle) ist für alle Mitarbeitenden erreichbar und enthält Kurse zu den eingesetzten Anwendungen. Nachweis: Plattform im Produktivbetrieb und Kursverzeichnis.",
      ],
      [
        "onboarding",
        "Digitales Onboarding eingeführt",
        "Neue Mitarbeitende werden zum Dienstbeginn in Arbeitsplatz, Fachanwendungen und IT-Sicherheit eingeführt. Nachweis: Onboarding-Konzept und Teilnahmeübersicht.",
      ],
    ],
    [
      [
        "qualifizierungskonzept",
        "Qualifizierungskonzept Digitalisierung beschlossen",
        "Ein Konzept legt Lernpfade für Führungskräfte, Projektleitungen und Sachbearbeitung fest. Nachweis: beschlossenes Konzept.",
      ],
      [
        "pm-qualifizierung",
        "Projektleitungen im Projektmanagement qualifiziert",
        "Alle Leitungen von Digitalisierungsprojekten sind nach dem PM-Handbuch geschult. Nachweis: Teilnahmenachweise.",
      ],
      [
        "wissensplattform",
        "Lern-/Wissensplattform redaktionell gepflegt",
        "Anleitungen, FAQ und Lernmaterialien werden mindestens jährlich überprüft und aktualisiert. Nachweis: Redaktionsplan mit Datum der letzten Überarbeitung.",
        12,
      ],
    ],
    [
      [
        "kompetenzauswertung",
        "Kompetenzentwicklung jährlich ausgewertet",
        "Der Qualifizierungsstand wird jährlich mit dem Bedarf abgeglichen und das Angebot angepasst. Nachweis: Auswertungsbericht.",
        12,
      ],
      [
        "digitalpersonal",
        "Eigenes Digitalisierungspersonal aufgebaut",
        "Stellen für Prozess-, Projekt- und Digitalisierungsmanagement sind geschaffen und besetzt. Nachweis: Stellenplan und Besetzungsstand.",
      ],
      [
        "ideenmanagement",
        "Ideen der Mitarbeitenden systematisch aufgegriffen",
        "Ein Format für Verbesserungsideen (z. B. Ideenbörse, Innovationswerkstatt) ist etabliert; Vorschläge werden bewertet und umgesetzt. Nachweis: Verfahrensbeschreibung und umgesetzte Beispiele.",
      ],
    ],
  ],
);

const prozesse = dimension(
  "prozesse",
  "Prozessdigitalisierung",
  "Erfassung, Optimierung und medienbruchfreie Digitalisierung der Verwaltungsprozesse.",
  [
    [
      [
        "prozesslandkarte",
        "Prozesslandkarte erstellt",
        "Die Kern- und Unterstützungsprozesse der Verwaltung sind in einer Prozesslandkarte erfasst. Nachweis: veröffentlichte Prozesslandkarte.",
      ],
      [
        "priorisierung",
        "Prozesse für die Digitalisierung priorisiert",
        "Nach Fallzahlen, Aufwand und Nutzen ist festgelegt, welche Prozesse zuerst digitalisiert werden. Nachweis: priorisierte Prozessliste.",
      ],
    ],
    [
      [
        "soll-prozesse",
        "SOLL-Prozesse freigegeben",
        "Für die priorisierten Prozesse sind SOLL-Prozesse modelliert und von den Prozessverantwortlichen freigegeben. Nachweis: freigegebene Prozessmodelle.",
      ],
      [
        "modellierungsstandard",
        "Standard für die Prozessmodellierung festgelegt",
        "Notation, Werkzeug und Ablage der Prozessmodelle sind verbindlich geregelt (z. B. BPMN 2.0, FIM-Prozessbibliothek). Nachweis: Modellierungsrichtlinie.",
      ],
      [
        "dms",
        "Produktivnahme DMS",
        "Ein Dokumentenmanagementsystem ist produktiv und wird in mindestens einem Fachbereich für die Schriftgutverwaltung genutzt. Nachweis: Abnahmeprotokoll der Produktivnahme.",
      ],
    ],
    [
      [
        "workflow-management",
        "Workflow-Management eingeführt",
        "Mindestens ein verwaltungsweiter Ablauf (z. B. Onboarding, Beschaffung) läuft über ein Workflow-System statt auf Papier. Nachweis: produktiver Workflow und Nutzungszahlen.",
      ],
      [
        "digitaler-posteingang",
        "Posteingang digitalisiert",
        "Papierpost wird zentral gescannt und elektronisch an die zuständigen Stellen verteilt. Nachweis: Scan-Dienstanweisung (z. B. nach TR-RESISCAN) und Betrieb der Scanstelle.",
      ],
    ],
    [
      [
        "medienbruchfrei",
        "Priorisierte Prozesse Ende-zu-Ende digital",
        "Die priorisierten Prozesse laufen vom Online-Antrag über das Fachverfahren bis zur E-Akte ohne Ausdruck oder erneute Erfassung. Nachweis: Prozessdokumentation und Stichprobe.",
      ],
      [
        "prozesskennzahlen",
        "Prozesskennzahlen jährlich ausgewertet",
        "Durchlaufzeiten und Fallzahlen der digitalisierten Prozesse werden jährlich ausgewertet und Verbesserungen abgeleitet. Nachweis: Auswertungsbericht mit Maßnahmen.",
        12,
      ],
    ],
  ],
);

const onlinedienste = dimension(
  "onlinedienste",
  "Onlinedienste & Bürgerzentrierung",
  "Digitale Zugänge für Bürgerinnen, Bürger und Unternehmen nach dem OZG: nutzerfreundlich und barrierefrei.",
  [
    [
      [
        "leistungsinformationen",
        "Leistungsinformationen online",
        "Die Leistungen sind mit Zuständigkeit, Unterlagen und Gebühren auf der Website beschrieben, z. B. über den Zuständigkeitsfinder. Nachweis: Link auf die Leistungsbeschreibungen.",
      ],
      [
        "elektronischer-zugang",
        "Elektronischer Zugang eröffnet",
        "Die Verwaltung nimmt Anliegen und Dokumente elektronisch entgegen (Kontaktformular, E-Mail, De-Mail oder Postfach). Nachweis: Zugangseröffnung auf der Website.",
      ],
    ],
    [
      [
        "terminmanagement",
        "Terminmanagement für Bürger nutzbar",
        "Termine in den Bürgerservices können online gebucht werden. Nachweis: produktive Online-Terminvereinbarung.",
      ],
      [
        "epayment",
        "E-Payment für Onlinedienste",
        "Gebühren können in den Onlinediensten elektronisch bezahlt werden (z. B. ePayBL, PayPal). Nachweis: produktive Bezahlfunktion in mindestens einem Onlinedienst.",
      ],
      [
        "efa-dienste",
        "Erste EfA-Onlinedienste produktiv",
        "Mindestens ein nachgenutzter EfA-Onlinedienst ist für die Kommune freigeschaltet. Nachweis: Rollout-Status „online verfügbar“.",
      ],
    ],
    [
      [
        "fokusleistungen",
        "Häufig genutzte Leistungen vollständig online",
        "Die meistgenutzten Leistungen der Kommune (z. B. die kommunalen Fokusleistungen des OZG 2.0) sind online beantragbar. Nachweis: Rollout-Status der Leistungen.",
      ],
      [
        "nutzerkonto",
        "BundID und Organisationskonto angebunden",
        "Die Onlinedienste nutzen BundID bzw. das einheitliche Organisationskonto für Anmeldung und Postfach. Nachweis: produktive Anbindung.",
      ],
      [
        "partizipationsplattform",
        "Partizipationsplattform nutzbar",
        "Bürgerinnen und Bürger können sich über eine Online-Beteiligungsplattform an Planungen und Vorhaben beteiligen. Nachweis: Plattform mit mindestens einem durchgeführten Beteiligungsverfahren.",
      ],
      [
        "barrierefreiheit",
        "Barrierefreiheit jährlich geprüft",
        "Website und Onlinedienste sind nach BITV 2.0 geprüft, und die Erklärung zur Barrierefreiheit ist aktuell. Nachweis: Prüfbericht und Erklärung, nicht älter als ein Jahr.",
        12,
      ],
    ],
    [
      [
        "once-only",
        "Nachweise nach dem Once-Only-Prinzip abgerufen",
        "In mindestens einem Onlinedienst werden Nachweise mit Einwilligung elektronisch aus Registern abgerufen statt hochgeladen. Nachweis: produktiver Nachweisabruf.",
      ],
      [
        "fachverfahren-anbindung",
        "Onlinedienste an Fachverfahren angebunden",
        "Anträge aus den Onlinediensten gelangen ohne erneute Erfassung in die Fachverfahren (z. B. über FIT-Connect und XÖV). Nachweis: produktive Schnittstelle je Dienst.",
      ],
      [
        "nutzerfeedback",
        "Nutzerfeedback jährlich ausgewertet",
        "Rückmeldungen und Nutzungszahlen der Onlinedienste werden jährlich ausgewertet und führen zu Verbesserungen. Nachweis: Auswertung mit abgeleiteten Maßnahmen.",
        12,
      ],
    ],
  ],
);

const sicherheit = dimension(
  "sicherheit",
  "IT-Sicherheit & Notfallmanagement",
  "Informationssicherheit nach BSI IT-Grundschutz und Vorsorge für IT-Notfälle.",
  [
    [
      [
        "isb",
        "Informationssicherheitsbeauftragte/r bestellt",
        "Eine Person ist als Informationssicherheitsbeauftragte/r bestellt und hat Zeit für die Aufgabe. Nachweis: Bestellungsschreiben.",
      ],
      [
        "leitlinie",
        "Leitlinie zur Informationssicherheit beschlossen",
        "Die Verwaltungsführung hat Sicherheitsziele und Verantwortlichkeiten in einer Leitlinie beschlossen. Nachweis: beschlossene Leitlinie.",
      ],
    ],
    [
      [
        "notfallkonzept",
        "IT-Notfallkonzept und Risikobehandlungsplan erstellt",
        "Für die kritischen IT-Systeme liegen ein IT-Notfallkonzept und ein Risikobehandlungsplan vor. Nachweis: freigegebene Dokumente.",
      ],
      [
        "wiederherstellungstest",
        "Wiederherstellung aus der Datensicherung jährlich getestet",
        "Die Datensicherung folgt einem Konzept, und die Wiederherstellung wird mindestens jährlich getestet. Nachweis: Protokoll des letzten Wiederherstellungstests.",
        12,
      ],
      [
        "awareness",
        "Awareness-Schulung jährlich absolviert",
        "Die Mitarbeitenden haben in den letzten zwölf Monaten eine Schulung zur Informationssicherheit absolviert. Nachweis: Teilnahmequote aus der Schulungsplattform.",
        12,
      ],
    ],
    [
      [
        "kritische-risiken",
        "Kritische Risiken aus Risikobehandlungsplan ausgeräumt",
        "Alle als kritisch bewerteten Risiken des Risikobehandlungsplans sind behandelt. Nachweis: aktualisierter Plan mit Umsetzungsstand.",
      ],
      [
        "notfallmanagementplan",
        "Notfallmanagementplan freigegeben",
        "Ein Notfallmanagementplan mit Meldewegen, Notfallorganisation und Wiederanlaufplänen ist freigegeben und bekannt gemacht. Nachweis: freigegebener Plan.",
      ],
      [
        "notfallkonzept-geprueft",
        "IT-Notfallkonzept jährlich geprüft",
        "Das IT-Notfallkonzept wird mindestens jährlich überprüft und aktualisiert. Nachweis: Prüfvermerk mit Datum.",
        12,
      ],
      [
        "notfalluebung",
        "IT-Notfallübung jährlich durchgeführt",
        "Mindestens einmal im Jahr wird ein IT-Notfall geübt, z. B. der Ausfall eines Fachverfahrens. Nachweis: Übungsbericht mit Erkenntnissen.",
        12,
      ],
    ],
    [
      [
        "revision",
        "Informationssicherheitsrevision durchgeführt",
        "Eine unabhängige Revision (z. B. IS-Revision nach BSI oder Audit nach ISO 27001 auf Basis von IT-Grundschutz) hat die Sicherheitsmaßnahmen geprüft. Nachweis: Revisionsbericht, nicht älter als zwei Jahre.",
        24,
      ],
      [
        "penetrationstest",
        "Penetrationstest jährlich durchgeführt",
        "Die aus dem Internet erreichbaren Systeme werden jährlich durch einen Penetrationstest geprüft, Befunde werden behoben. Nachweis: Testbericht und Behebungsnachweis.",
        12,
      ],
      [
        "managementbewertung",
        "Managementbewertung der Informationssicherheit jährlich",
        "Die Verwaltungsführung bewertet das Sicherheitsmanagement jährlich anhand eines Berichts der/des ISB. Nachweis: Protokoll der Managementbewertung.",
        12,
      ],
    ],
  ],
);

const infrastruktur = dimension(
  "infrastruktur",
  "IT-Infrastruktur & Arbeitsplatz",
  "Leistungsfähige, sichere und zeitgemäße IT-Ausstattung der Arbeitsplätze und Liegenschaften.",
  [
    [
      [
        "inventar",
        "IT-Inventar vollständig",
        "Hardware, Software und Lizenzen sind in einem Inventar erfasst. Nachweis: Auszug aus dem Inventarverzeichnis.",
      ],
      [
        "standardarbeitsplatz",
        "Standardarbeitsplatz definiert",
        "Ausstattung und Software eines Standard-IT-Arbeitsplatzes sind festgelegt. Nachweis: Beschreibung des Standardarbeitsplatzes.",
      ],
    ],
    [
      [
        "wlan",
        "WLAN in städtischen bzw. kommunalen Gebäuden",
        "Die Verwaltungsgebäude sind mit WLAN für Mitarbeitende und Gäste ausgestattet. Nachweis: Abnahme der WLAN-Ausleuchtung je Gebäude.",
      ],
      [
        "unterstuetzte-software",
        "Betriebssystem und Bürosoftware auf unterstütztem Stand",
        "Alle Arbeitsplätze laufen mit vom Hersteller noch unterstützten Versionen von Betriebssystem und Bürosoftware. Nachweis: Bericht aus der Softwareverteilung.",
      ],
      [
        "mobiles-arbeiten",
        "Mobiles Arbeiten sicher möglich",
        "Berechtigte Mitarbeitende arbeiten über einen gesicherten Zugang mit Zwei-Faktor-Anmeldung mobil. Nachweis: Dienstvereinbarung und Zugangslösung im Betrieb.",
      ],
    ],
    [
      [
        "client-management",
        "Zentrale Client- und Patchverwaltung",
        "Arbeitsplätze werden zentral installiert, Sicherheitsupdates werden automatisch verteilt. Nachweis: Bericht zum Patchstand.",
      ],
      [
        "lebenszyklus",
        "Erneuerungsplan für die Hardware",
        "Ein Erneuerungsplan mit Budget sorgt dafür, dass Geräte regelmäßig ersetzt werden. Nachweis: Erneuerungsplan mit Haushaltsansatz.",
      ],
      [
        "standortanbindung",
        "Alle Standorte leistungsfähig angebunden",
        "Alle Verwaltungsstandorte sind mit ausreichender und ausfallsicherer Bandbreite an das Verwaltungsnetz angebunden. Nachweis: Netzplan mit Bandbreiten.",
      ],
    ],
    [
      [
        "rechenzentrum",
        "Betrieb in zertifiziertem Rechenzentrum",
        "Die zentralen Systeme laufen in einem nach ISO 27001 bzw. BSI C5 zertifizierten Rechenzentrum, eigenem oder beim kommunalen IT-Dienstleister. Nachweis: Vertrag und gültiges Zertifikat.",
      ],
      [
        "servicemanagement",
        "IT-Servicekennzahlen jährlich ausgewertet",
        "Störungen und Anfragen laufen über ein Ticketsystem; vereinbarte Servicelevel werden jährlich ausgewertet. Nachweis: Jahresbericht zu den Servicekennzahlen.",
        12,
      ],
    ],
  ],
);

const zusammenarbeit = dimension(
  "zusammenarbeit",
  "Zusammenarbeit & Vernetzung",
  "Digitale Zusammenarbeit innerhalb der Verwaltung und mit Land, anderen Kommunen und Partnern.",
  [
    [
      [
        "videokonferenz",
        "Videokonferenzen für alle verfügbar",
        "Alle Mitarbeitenden können an Videokonferenzen teilnehmen und selbst welche einberufen. Nachweis: Lizenz- bzw. Ausstattungsübersicht.",
      ],
      [
        "netzwerk",
        "Im Digitalisierungsnetzwerk vertreten",
        "Die Kommune arbeitet in einem Netzwerk mit Land und anderen Kommunen mit, z. B. im Pilot-Kommunenmodell. Nachweis: benannte Vertretung und Teilnahme an den Treffen.",
      ],
    ],
    [
      [
        "kollaborationsplattform",
        "Neue Kollaborationsplattform etabliert",
        "Teams arbeiten auf einer gemeinsamen Plattform an Dokumenten, Aufgaben und Terminen statt mit E-Mail-Anhängen. Nachweis: Plattform im Produktivbetrieb und Nutzungszahlen.",
      ],
      [
        "kollaborationsregeln",
        "Regeln für die digitale Zusammenarbeit festgelegt",
        "Eine Dienstanweisung regelt Ablage, Freigaben und die Zusammenarbeit mit Externen auf den Plattformen. Nachweis: Dienstanweisung.",
      ],
    ],
    [
      [
        "efa-nachnutzung",
        "Weg zur EfA-Nachnutzung vereinbart",
        "Die Nachnutzung von EfA-Leistungen ist vertraglich geregelt (z. B. Inhouse-Verkettung über KITU, govdigital oder FIT-Store). Nachweis: Beitrittserklärung oder Vertrag.",
      ],
      [
        "gemeinsames-vorhaben",
        "Gemeinsames Vorhaben mit anderen Verwaltungen",
        "Mindestens ein Digitalisierungsvorhaben wird mit anderen Kommunen oder dem Land gemeinsam umgesetzt. Nachweis: Kooperationsvereinbarung.",
      ],
      [
        "sicherer-austausch",
        "Sicherer Dokumentenaustausch mit Externen",
        "Dokumente werden mit externen Stellen über eine sichere Plattform statt per unverschlüsselter E-Mail ausgetauscht. Nachweis: eingesetzte Lösung und Regelung.",
      ],
    ],
    [
      [
        "loesungen-teilen",
        "Eigene Lösungen zur Nachnutzung bereitgestellt",
        "Die Kommune stellt eine eigene Lösung anderen Verwaltungen zur Nachnutzung bereit, z. B. als Open Source oder über einen Marktplatz. Nachweis: Veröffentlichung oder Nachnutzungsvereinbarung.",
      ],
      [
        "erfahrungsaustausch",
        "Erfahrungen jährlich im Netzwerk geteilt",
        "Die Kommune stellt ihre Ergebnisse mindestens jährlich im Netzwerk vor, z. B. als Vortrag, Hospitation oder Benchmark. Nachweis: Agenda oder Bericht.",
        12,
      ],
    ],
  ],
);

const daten = dimension(
  "daten",
  "Daten & Interoperabilität",
  "Verfügbarkeit, Qualität und Austausch von Daten über standardisierte Schnittstellen.",
  [
    [
      [
        "fachverfahrenskataster",
        "Übersicht der Fachverfahren und Datenbestände",
        "Alle Fachverfahren sind mit Datenbeständen, Verantwortlichen und Schnittstellen erfasst. Nachweis: Fachverfahrenskataster.",
      ],
      [
        "verarbeitungsverzeichnis",
        "Verzeichnis der Verarbeitungstätigkeiten jährlich geprüft",
        "Das Verzeichnis nach Art. 30 DSGVO ist vollständig und wird jährlich überprüft. Nachweis: Verzeichnis mit Prüfdatum.",
        12,
      ],
    ],
    [
      [
        "xoev-standards",
        "XÖV-Standards im Datenaustausch genutzt",
        "Für den Datenaustausch werden die einschlägigen XÖV-Standards eingesetzt (z. B. XMeld, XBau). Nachweis: Schnittstellenübersicht mit Standard je Verfahren.",
      ],
      [
        "datenverantwortung",
        "Verantwortung für Datenbestände geregelt",
        "Für jeden wesentlichen Datenbestand ist fachlich verantwortlich geregelt, wer Qualität und Zugriffe bestimmt. Nachweis: Verantwortlichkeitsmatrix.",
      ],
    ],
    [
      [
        "datendrehscheibe",
        "eAkte und Datendrehscheibe produktiv",
        "Die E-Akte ist produktiv und über eine Datendrehscheibe mit den Fachverfahren verbunden, sodass Daten nur einmal erfasst werden. Nachweis: Abnahmeprotokoll und Liste der angebundenen Verfahren.",
      ],
      [
        "stammdaten",
        "Stammdaten zentral gepflegt",
        "Adressen, Gebäude und Organisationsdaten werden an einer Stelle gepflegt und von den Fachverfahren genutzt. Nachweis: Beschreibung des Stammdatendienstes und angebundene Verfahren.",
      ],
      [
        "open-data",
        "Offene Daten veröffentlicht",
        "Ausgewählte nicht personenbezogene Datensätze werden maschinenlesbar unter offener Lizenz veröffentlicht. Nachweis: Link auf die Datensätze.",
      ],
    ],
    [
      [
        "datenbasierte-steuerung",
        "Steuerung mit aktuellen Verfahrensdaten",
        "Die Verwaltungsführung steuert mit einem Dashboard aus aktuellen Verfahrensdaten wie Fallzahlen und Bearbeitungszeiten. Nachweis: produktives Dashboard.",
      ],
      [
        "registermodernisierung",
        "An die Registermodernisierung angeschlossen",
        "Die kommunalen Register sind für den Datenabruf nach dem Once-Only-Prinzip angeschlossen. Nachweis: Anbindungsnachweis des Registers.",
      ],
      [
        "datenqualitaet",
        "Datenqualität jährlich geprüft",
        "Die Qualität der zentralen Datenbestände wird jährlich nach festgelegten Kriterien geprüft. Nachweis: Prüfbericht.",
        12,
      ],
    ],
  ],
);

export const defaultModel: MaturityModel = {
  id: "spatz-kommune",
  version: 1,
  name: "SPATZ-Reifegradmodell Kommune",
  dimensions: [
    strategie,
    kompetenzen,
    prozesse,
    onlinedienste,
    sicherheit,
    infrastruktur,
    zusammenarbeit,
    daten,
  ],
};

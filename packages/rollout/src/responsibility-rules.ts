/**
 * Transparent rule tables for the responsibility heuristic (see `deriveResponsibility`). Every rule has a stable
 * id and a German label; the label is named in the `reason` of every derived responsibility so the state PMO can
 * see why a service was assigned and correct it per service.
 *
 * Patterns are matched against the lower-cased OZG-Leistung name (name rules), its Lage or its Themenfeld.
 * Rules are tried in the order listed; the first match wins. Note that `\b` in JavaScript only knows ASCII word
 * characters, so patterns avoid it next to umlauts.
 */
import type { TaskLevel } from "./kinds.ts";

export type RuleScope = "name" | "lage" | "themenfeld";

export interface ResponsibilityRule {
  id: string;
  /** German name of the task or authority, shown in `reason`. */
  label: string;
  scope: RuleScope;
  level: TaskLevel;
  pattern: RegExp;
  /** German remark for the PMO (uncertainties, Sachsen-Anhalt specifics). */
  note?: string;
}

export interface ExclusionRule {
  id: string;
  /** German name of the executing body outside the Kommunen, shown in `reason`. */
  label: string;
  pattern: RegExp;
}

const name = (
  id: string,
  label: string,
  level: TaskLevel,
  pattern: RegExp,
  note?: string,
): ResponsibilityRule =>
  note === undefined
    ? { id: `name:${id}`, label, scope: "name", level, pattern }
    : { id: `name:${id}`, label, scope: "name", level, pattern, note };

const lage = (label: string, level: TaskLevel): ResponsibilityRule => ({
  id: `lage:${label}`,
  label: `Lage »${label}«`,
  scope: "lage",
  level,
  pattern: new RegExp(`^${label.toLowerCase().replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
});

const themenfeld = (label: string, level: TaskLevel): ResponsibilityRule => ({
  id: `themenfeld:${label}`,
  label: `Themenfeld »${label}«`,
  scope: "themenfeld",
  level,
  pattern: new RegExp(`^${label.toLowerCase().replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
});

/**
 * Keyword rules on the service name. They name known municipal tasks; a match also counts as the "municipal
 * keyword" that makes a LeiKa type-4 row municipal.
 */
export const nameRules: readonly ResponsibilityRule[] = [
  // Gemeinde level (Einheits-/Verbandsgemeinden and kreisfreie Städte)
  name(
    "meldewesen",
    "Meldewesen",
    "gemeinde",
    /wohnsitz|melderegister|meldebescheinigung|adressbuchsperre|führungszeugnis|urkundenbeglaubigung/,
    "Führungszeugnisse werden bei der Meldebehörde beantragt (Register: Bundesamt für Justiz); amtliche Beglaubigungen im Bürgerbüro.",
  ),
  name("auslaenderbehoerde", "Ausländerbehörde", "kreis", /ausländer|flüchtling|staatenlos|asylbewerber/),
  name("pass", "Pass- und Personalausweiswesen", "gemeinde", /personalausweis|reisepass|passersatz/),
  name(
    "standesamt",
    "Standesamt",
    "gemeinde",
    /geburtsanzeige|geburtsurkunde|eheschließung|ehefähigkeit|lebenspartnerschaftsurkunde|sterbefallanzeige|sterbeurkunde|vaterschafts|namensänderung|kirchenaustritt/,
  ),
  name(
    "gewerbeamt",
    "Gewerbeamt",
    "gemeinde",
    /gewerbeanzeige|gewerbeanmeldung|gewerberegisterauszug|gewerbelegitimation|unternehmensanmeldung|gaststätt/,
    "»Unternehmensanmeldung und -genehmigung« bündelt die Gewerbeanzeige mit Erlaubnissen anderer Behörden.",
  ),
  name(
    "kommunalabgaben",
    "Kommunale Steuern und Abgaben",
    "gemeinde",
    /grundsteuer|gewerbesteuer|hundesteuer|zweitwohnung|vergnügung|übernachtungssteuer|kurabgabe|tourismustaxe|kurtaxe|wasser-\/abwasserabgaben|anschluss und erschließung/,
  ),
  name("hundehaltung", "Hundehaltung (Hundesteuer, gefährliche Hunde)", "gemeinde", /hund/),
  name(
    "friedhof",
    "Friedhofs- und Bestattungswesen",
    "gemeinde",
    /friedhof|grabstätte|(^|[^a-zäöüß])bestattung|ruherecht|kriegsgräber/,
  ),
  name(
    "kita",
    "Kindertagesbetreuung (Kita, Hort)",
    "gemeinde",
    /kindertagesbetreuung|kindertagesstätte|(^|[^a-zäöüß])kita|hortbetreuung/,
  ),
  name("sondernutzung", "Straßen-Sondernutzung", "gemeinde", /sondernutzung|aufgrabung|straßenaufbruch/),
  name(
    "bauleitplanung",
    "Bauleitplanung und Städtebau",
    "gemeinde",
    /flächennutzungsplan|bebauungsplan|vorhaben- und erschließungsplan|vorkaufsrecht|städtebauliche bodenordnung|städtebauförderung/,
  ),
  name("baumschutz", "Baumschutzsatzung", "gemeinde", /baumfäll/),
  name(
    "wahlen",
    "Wahlamt",
    "gemeinde",
    /wahlschein|briefwahl|wahlhelfer|wahlvorschl|wahlergebnis|volksbegehren/,
  ),
  name("fundsachen", "Fundbüro (auch Fundtiere)", "gemeinde", /fundsache|tierheim/),
  name(
    "ordnungsamt",
    "Ordnungsamt (Veranstaltungen, Märkte, Sperrzeit)",
    "gemeinde",
    /veranstaltungserlaubnis|sperrzeit|osterfeuer|spezialmärkte|verkaufsveranstaltung|zweckentfremdung/,
  ),
  name("wildschaden", "Wildschaden-Vorverfahren", "gemeinde", /wildsch(a|ä)den/),
  // Both levels
  name(
    "kommunalverfassung",
    "Kommunalverfassung und Bürgerbeteiligung",
    "beide",
    /amtsblatt|einwohnerantrag|einwohnerfragestunde|bürger- bzw\. volksbegehren/,
  ),
  name(
    "freiwillige_angebote",
    "Freiwillige kommunale Angebote",
    "beide",
    /bibliothek|musikschule|sport- und freizeit|seniorenpass|familienpass|begrüßungsgeld|förderung ehrenamtlich|kulturförderung|mängel melden|wirtschaftsförderung/,
  ),
  name(
    "querschnitt",
    "Querschnittsaufgabe jeder Verwaltung",
    "beide",
    /datenauskunft|akteneinsicht|dienst- und fachaufsichtsbeschwerde|öffentliche vergabe|bestellprozess|öffentliche bekanntmachung/,
  ),
  name(
    "gewerbeerlaubnisse",
    "Gewerbliche Anzeigen und Erlaubnisse (gemischt)",
    "beide",
    /tätigkeitsanzeige/,
    "Anzeigen bei der Gemeinde, Erlaubnisse überwiegend bei Landkreis oder kreisfreier Stadt.",
  ),
  name(
    "schulaufnahme",
    "Schulanmeldung (Grundschule: Gemeinde, weiterführende Schule: Kreis)",
    "beide",
    /schulaufnahme/,
  ),
  name(
    "verkehrsbehoerde_parken",
    "Parkausweise (Straßenverkehrsbehörde)",
    "beide",
    /parkausweis/,
    "Straßenverkehrsbehörden sind Landkreise, kreisfreie Städte und teils größere Gemeinden.",
  ),
  name(
    "denkmal_steuer",
    "Steuerbescheinigung Denkmal/Sanierungsgebiet",
    "beide",
    /steuerbescheinigung für den denkmal/,
  ),
  // Kreis level (Landkreise and kreisfreie Städte)
  name(
    "bauaufsicht",
    "Untere Bauaufsicht",
    "kreis",
    /baugenehmigung|bauvorbescheid|bauvorhaben|abbruchgenehmigung|baulast|genehmigungsfreistellung|abgeschlossenheitsbescheinigung|grundstücksteilung|veränderungssperre/,
  ),
  name("denkmalschutz", "Untere Denkmalschutzbehörde", "kreis", /denkmalrechtlich|denkmalverzeichnis/),
  name(
    "kfz",
    "Kfz-Zulassung",
    "kreis",
    /kraftfahrzeugkennzeichen|kraftfahrzeugzulassung|kraftfahrzeugüberlassung|fahrzeugregister|^zulassungsbescheinigung|feinstaubplakette|umweltplakette|plakette für elektrisch/,
  ),
  name(
    "fahrerlaubnis",
    "Fahrerlaubnisbehörde",
    "kreis",
    /führerschein|fahrerlaubnis|(^|[^a-zäöüß])fahrerkarte/,
  ),
  name(
    "verkehrsbehoerde",
    "Straßenverkehrsbehörde",
    "kreis",
    /großraum- und schwerverkehr|ausnahmegenehmigungen für den verkehr|personenbeförderung/,
  ),
  name(
    "auslaender_aufenthalt",
    "Ausländer- und Staatsangehörigkeitsbehörde",
    "kreis",
    /aufenthalt(stitel|skarte)|einbürgerung(?!stest)|visa|visum|verpflichtungserklärung|grenzgänger|beschäftigungserlaubnis|staatsangehörigkeit/,
  ),
  name(
    "jugendamt",
    "Jugendamt",
    "kreis",
    /jugendschutz|jugendhilfe|frühe hilfen|hilfen zur erziehung|unterhaltsvorschuss|vormundschaft|pflegekind|adoption|beistandschaft|sorgeerklärung|elterliche sorge|herausgabe des kindes/,
  ),
  name(
    "sozialamt",
    "Sozialamt und Jobcenter",
    "kreis",
    /sozialhilfe|grundsicherung|hilfe zum lebensunterhalt|hilfe in sonstigen lebenslagen|hilfe zur pflege|hilfe zur gesundheit|hilfe zur überwindung|eingliederungshilfe|bildung und teilhabe|mietrückstände|blindenhilfe|elternunterhalt|krankenhilfe|sozialen teilhabe|hilfeplan|wohnungshilfe|weiterführung des haushalts|geringverdiener|arbeitslosengeld ii|gesundheitskarte für flüchtlinge|schulausflüge/,
  ),
  name(
    "veterinaeramt",
    "Veterinär- und Lebensmittelüberwachungsamt",
    "kreis",
    /tiergesundheit|tierseuche|tierschlacht|tiertransport|tierkörper|heimtierausweis|haustierhaltung|wildtiere|legehennen|lebensmittel|tierärztlich/,
  ),
  name(
    "gesundheitsamt",
    "Gesundheitsamt",
    "kreis",
    /(^|[^a-zäöüß])gesundheitszeugnis|gesundheitsberatung|impfung|infektionsschutz|gemeinschaftseinrichtungen|trinkwasser|psychisch krank/,
  ),
  name(
    "umwelt",
    "Untere Umwelt-, Wasser-, Abfall- und Naturschutzbehörde",
    "kreis",
    /naturschutz|artenschutz|geschützter arten|tiergehege|gewässer|abwasser|wasserrechtlich|wasserbuch|altlasten|bodenschutz|erdaufschluss|abfall|emissionserklärung|emissionsgenehmigung|emissionskataster|forstmaßnahm|hochwasserschutz/,
  ),
  name(
    "jagd_fischerei_waffen",
    "Untere Jagd-, Fischerei- und Waffenbehörde",
    "kreis",
    /jagd|jäger|wildursprung|fischereischein|waffen|sprengstoff/,
    "Fischereischein und Sprengstofferlaubnis: Zuständigkeit in Sachsen-Anhalt vom PMO zu bestätigen.",
  ),
  name(
    "schultraeger",
    "Schulträger weiterführender Schulen, Schülerbeförderung",
    "kreis",
    /schülerbeförderung|berufsbildende schule/,
  ),
  name("wohngeld", "Wohngeldbehörde", "kreis", /(^|[^a-zäöüß])wohngeld|wohnberechtigung/),
  name(
    "elterngeld",
    "Elterngeld-, BAföG- und Aufstiegs-BAföG-Stelle",
    "kreis",
    /elterngeld|^ausbildungsförderung|aufstiegsfortbildung/,
    "Nur wo Kommunen vollziehen; in Sachsen-Anhalt liegt das Elterngeld beim Landesverwaltungsamt – prüfen.",
  ),
  name("versammlungsbehoerde", "Versammlungsbehörde", "kreis", /versammlungsanzeige/),
  name(
    "rettungsdienst",
    "Rettungsdienst und Katastrophenschutz",
    "kreis",
    /notfallrettung|katastrophenschutz/,
  ),
];

/** Rules on the Lage, used when no name rule matched. */
export const lageRules: readonly ResponsibilityRule[] = [
  lage("Wohnen & Umzug", "gemeinde"),
  lage("Eheschließung", "gemeinde"),
  lage("Geburt", "gemeinde"),
  lage("Tod", "gemeinde"),
  lage("Kinderbetreuung", "gemeinde"),
  lage("Engagement & Beteiligung", "gemeinde"),
  lage("Veranstaltungen", "gemeinde"),
  lage("Veranstaltung durchführen", "gemeinde"),
  lage("Querschnitt Bürger", "gemeinde"),
  lage("Unternehmensstart & Gewerbezulassung", "gemeinde"),
  lage("Steuern & Abgaben", "gemeinde"),
  lage("Kfz-Besitz", "kreis"),
  lage("Führerschein", "kreis"),
  lage("Logistik & Transport", "kreis"),
  lage("Einwanderung", "kreis"),
  lage("Auswanderung", "kreis"),
  lage("Tierhaltung", "kreis"),
  lage("Fischen & Jagen", "kreis"),
  lage("Abfall & Umweltschutz", "kreis"),
  lage("Anlagen & Stoffe", "kreis"),
  lage("Bauen & Immobilien", "kreis"),
  lage("Hausbau & Immobilienerwerb", "kreis"),
  lage("Adoption & Pflegekinder", "kreis"),
  lage("Trennung mit Kind", "kreis"),
  lage("Finanzielle Existenzsicherung/Unterstützung bei finanziellen Problemen", "kreis"),
  lage("Behinderung", "kreis"),
  lage("Pflege", "kreis"),
  lage("Gesundheitsvorsorge", "kreis"),
  lage("Schule", "beide"),
];

/** Rules on the Themenfeld, used when neither a name nor a Lage rule matched. */
export const themenfeldRules: readonly ResponsibilityRule[] = [
  themenfeld("Umwelt", "kreis"),
  themenfeld("Gesundheit", "kreis"),
  themenfeld("Ein- & Auswanderung", "kreis"),
  themenfeld("Mobilität & Reisen", "kreis"),
];

/** All responsibility rules in evaluation order. */
export const responsibilityRules: readonly ResponsibilityRule[] = [
  ...nameRules,
  ...lageRules,
  ...themenfeldRules,
];

/**
 * Exclusions: LeiKa type 2/3 means "Land oder Kommune vollzieht", and the extract has a few obviously mistyped rows
 * (e.g. a type-6 row under Umsatzsteuer). Where the service is clearly executed by a body outside the Kommunen
 * (courts, tax offices, social insurance, chambers, Land and federal agencies), these rules set "not municipal".
 * They never override a name rule (a known municipal task) and can be switched off (`{ exclusions: false }`),
 * which gives the plain LeiKa-type rule.
 */
export const exclusionRules: readonly ExclusionRule[] = [
  {
    id: "ausschluss:justiz",
    label: "Justiz (Gerichte, Register, Notariat)",
    pattern:
      /gericht|klage|scheidung|erbschein|ausschlagung|nachlass|grundbuch|handelsregister|genossenschaftsregister|partnerschaftsregister|vereinsregister|güterrechtsregister|unternehmensregister|insolvenz|zwangsvollstreckung|mahnbescheid|schuldnerverzeichnis|verfahrenskostenhilfe|schutzantrag vor gewalt|urkundenverwahrung|geschiedenenunterhalt|lebenspartnerschaftsaufhebung|bestellung von treuhänder|betriebsfortführung|pfandverwertung/,
  },
  {
    id: "ausschluss:steuerverwaltung",
    label: "Steuerverwaltung (Finanzamt)",
    pattern:
      /einkommensteuer|kirchensteuer|schenkungsteuer|erbschaftsteuer|steuerfreibetr|lohnsteuer|kapitalertragsteuer|mehrwertsteuer|umsatzsteuer|grunderwerbsteuer|steuerliche (an|ab)meldung|besteuerung von lotterien|eigenheimzulage|wohnungsbauprämie|altersvorsorgeförderung|feldes- und förderabgabe|bereich steuern/,
  },
  {
    id: "ausschluss:sozialversicherung",
    label: "Sozialversicherungsträger (Kranken-, Pflege-, Renten-, Unfallversicherung) und Familienkasse",
    pattern:
      /krankenversicherung|krankengeld|familienversicherung|mutterschaftsgeld|rentenversicherung|rentenfestsetzung|pflegeversicherung|pflegegeld|pflegehilfsmittel|pflegeangebote|unfallrente|verletztengeld|übergangsgeld|hebammenhilfe|heil- und hilfsmittel|krankheitsbehandlung|rehabilitationsleistung|haushaltshilfe und häusliche|soziotherapie|hospiz|früherkennung|schwangerschaft|befreiung von der versicherungspflicht|knappschaft|sterbegeld für hinterbliebene|waisenrente|witwenrente|erziehungsrente|hinterbliebenenversorgung|lebensbescheinigung|berufsgenossenschaft|arbeitsunfall|sozialversicherung|wohnumfeldverbessernde|pflegeeinrichtungen|kindergeld|teilhabe am arbeitsleben|organ- und gewebespende|präventionsleistungen/,
  },
  {
    id: "ausschluss:bundesagentur",
    label: "Bundesagentur für Arbeit",
    pattern: /berufsausbildungsförderung|berufsausbildungsvorbereitung/,
  },
  {
    id: "ausschluss:versorgungsverwaltung",
    label: "Versorgungs- und Sozialverwaltung des Landes (Landesverwaltungsamt)",
    pattern:
      /schwerbehindertenausweis|gesundheitlichen einschränkungen|kriegsopfer|opfer von gewalttaten|rehabilitierung von unrecht|überführungskosten|mobilitätshilfen|trägervereinbarung|behinderung an arbeitgeber|stiftung|ausgleichsabgabe|kündigungsverbote/,
  },
  {
    id: "ausschluss:bildung_kammern",
    label: "Hochschulen, Schulbehörden und Kammern",
    pattern:
      /hochschul|studien|referendariat|akademisch|bildungsabschlüsse|berufsbildung|ausbildungsvertrag|lehrlingsrolle|handwerksrolle|kammer|ausbildungserlaubnis|sachverständig|reglementierte berufe|ursprungszeugnis|carnet|standortinformationssystem|unterrichtungsnachweis|weiterbildungsangebote|bildungsstätten|präqualifikation|untersuchungsberechtigungsschein|jugendlichen auszubildenden|ein- und ausfuhr|bildungsgutschein|grenzüberschreitender erbringung/,
  },
  {
    id: "ausschluss:fachbehoerden",
    label: "Fachbehörden von Land und Bund",
    pattern:
      /emissionshandel|luftfahr|flug|schiff|boot|wasserfahrzeug|liegeplatz|bergbau|kernbrennstoff|strahlenschutz|röntgen|arzneimittel|gewebe|laborpraxis|börse|datenschutzmeldung|statistische|pflanzengesundheit|agrarförderung|mutterschutz|heimarbeit|arbeitszeit|planfeststellung|flurstück|bodenrichtwert|verkehrswert|landpacht|kampfmittel|gefahrgut|gefahrstoff|überwachungsbedürftige|anlagenbetrieb|anlagengenehmigung|integrationskurs|einbürgerungstest|petition|tarifregister|apothekennotdienst|einheitliche ansprechperson|explosionsstoffe|zuverlässigkeits- und sicherheitsüberprüfung|zugangsberechtigung|anerkennung als prüf|herstellerpflichten|emas|zweigniederlassung|entgeltgenehmigung|werkstattkarte|unternehmenskarte|produkt- und stoffzulassung|forschungsvorhaben|fahrgeldausfall|betriebsregister|besondere meldepflicht|energieversorger|telekommunikation|beschwerde- und (schlichtungs|vermittlungs)verfahren|negativbescheinigung|berufsregister|wohnungsbauförderung|investitionsförderung|tierseuchenhilfe|ganztagsschulförderung|vergütung und entschädigung in der justiz|start- und landegenehmigung|mitwirkung von kindern|schließung einer kindertageseinrichtung|spätaussiedler/,
  },
];

// The pages every public body must link from every page: Impressum, Datenschutzerklärung, Erklärung zur
// Barrierefreiheit. The operator writes their texts (LEGAL_DIR); a text is plain paragraphs with "# " headings, so
// nothing in it is ever interpreted as markup.
export const LEGAL_PAGES = ["impressum", "datenschutz", "barrierefreiheit"] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

export const LEGAL_PAGE_LABELS: Readonly<Record<LegalPage, string>> = {
  impressum: "Impressum",
  datenschutz: "Datenschutz",
  barrierefreiheit: "Barrierefreiheit",
};

export type LegalBlock = { type: "heading" | "paragraph"; text: string };
export type LegalDocument = { title: string; blocks: LegalBlock[] };

/** "# Titel" lines are headings (the first one is the page's title), other lines join into paragraphs. */
export function parseLegalText(text: string, fallbackTitle: string): LegalDocument {
  const blocks: LegalBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line.startsWith("# ")) {
      flush();
      blocks.push({ type: "heading", text: line.slice(2).trim() });
    } else if (line === "") flush();
    else paragraph.push(line);
  }
  flush();
  const [first, ...rest] = blocks;
  return first?.type === "heading" ? { title: first.text, blocks: rest } : { title: fallbackTitle, blocks };
}

// The operator's texts for the legal pages (LEGAL_DIR): read at start, served to everyone by legal.page; a missing
// page stops the start with a message that names it.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LegalTextError, loadLegalPages } from "@spatz/api";
import { describe, expect, it } from "vitest";

describe("legal texts of the operator", () => {
  it("replace the placeholders page by page", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-legal-"));
    writeFileSync(
      path.join(dir, "impressum.md"),
      "# Impressum\n\nMinisterium für Infrastruktur und Digitales\nMagdeburg\n",
    );
    writeFileSync(path.join(dir, "datenschutz.md"), "Text ohne Überschrift.");
    writeFileSync(
      path.join(dir, "barrierefreiheit.md"),
      "# Erklärung zur Barrierefreiheit\n\n# Kontakt\nbarrierefrei@example.de",
    );
    const pages = loadLegalPages(dir);
    expect(pages.impressum).toEqual({
      title: "Impressum",
      blocks: [{ type: "paragraph", text: "Ministerium für Infrastruktur und Digitales Magdeburg" }],
    });
    expect(pages.datenschutz.title).toBe("Datenschutz");
    expect(pages.barrierefreiheit.blocks).toEqual([
      { type: "heading", text: "Kontakt" },
      { type: "paragraph", text: "barrierefrei@example.de" },
    ]);
  });

  it("refuse a folder that lacks a page, naming it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-legal-"));
    writeFileSync(path.join(dir, "impressum.md"), "# Impressum");
    expect(() => loadLegalPages(dir)).toThrow(LegalTextError);
    expect(() => loadLegalPages(dir)).toThrow(/datenschutz\.md, barrierefreiheit\.md/);
  });

  it("ship placeholders that ask the operator to replace them", () => {
    const pages = loadLegalPages();
    expect(pages.impressum.blocks.map((b) => b.text).join(" ")).toContain("Bitte ersetzen Sie diesen Text");
  });
});

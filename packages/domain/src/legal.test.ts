import { describe, expect, it } from "vitest";
import { parseLegalText } from "./legal.ts";

describe("legal texts", () => {
  it("read headings and paragraphs, never markup", () => {
    const doc = parseLegalText(
      "# Impressum\r\n\r\nLandesamt <b>X</b>\nStraße 1\n\n# Kontakt\nmail@example.de\n",
      "Impressum",
    );
    expect(doc).toEqual({
      title: "Impressum",
      blocks: [
        { type: "paragraph", text: "Landesamt <b>X</b> Straße 1" },
        { type: "heading", text: "Kontakt" },
        { type: "paragraph", text: "mail@example.de" },
      ],
    });
  });

  it("take the page's name when the text has no heading", () => {
    expect(parseLegalText("Nur ein Satz.", "Datenschutz")).toEqual({
      title: "Datenschutz",
      blocks: [{ type: "paragraph", text: "Nur ein Satz." }],
    });
  });
});

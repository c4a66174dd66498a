import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderMailer, readMailFolder } from "../src/index.ts";

describe("the mail folder", () => {
  it("keeps what was sent, umlauts included, newest first", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-mail-"));
    const mailer = folderMailer(dir, "SPATZ <spatz@test.example>");
    await mailer.send({ to: "a@example.de", subject: "Erster Bericht", text: "Hallo" });
    await new Promise((r) => setTimeout(r, 5));
    await mailer.send({
      to: "b@example.de",
      subject: "Lagebericht für Oktober – größer",
      text: "Grüße\r\nZeile 2",
    });
    const mails = readMailFolder(dir);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ["b@example.de", "Lagebericht für Oktober – größer"],
      ["a@example.de", "Erster Bericht"],
    ]);
    expect(mails[0]!.text).toBe("Grüße\r\nZeile 2");
  });

  it("is empty for a folder that does not exist", () => {
    expect(readMailFolder(path.join(os.tmpdir(), "spatz-no-such-folder"))).toEqual([]);
  });
});

// The dev page of the local mail folder (GET /entwicklung/mails): without SMTP, `pnpm start` writes every mail as an
// .eml file to MAIL_DIR, and this page lists them, newest first, so a newcomer sees what would have been sent.
// Switched on only by MAIL_PAGE (which `pnpm start` sets beside MAIL_DIR); never part of a deployment.
import { readMailFolder } from "@spatz/mail";
import type { Context } from "hono";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Links in plain-text mails become clickable (escaped first; only http(s) URLs). */
const linkify = (s: string) =>
  escapeHtml(s).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export function devMailsPage(mailDir: string) {
  return (c: Context) => {
    const mails = readMailFolder(mailDir);
    const items = mails
      .map(
        (m) => `<article>
  <h2>${escapeHtml(m.subject)}</h2>
  <p>An: ${escapeHtml(m.to)} · ${escapeHtml(m.date)} · <code>${escapeHtml(m.file)}</code></p>
  <pre>${linkify(m.text)}</pre>
</article>`,
      )
      .join("\n");
    c.header("Cache-Control", "no-store");
    return c.html(`<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Lokale E-Mails – SPATZ</title></head>
<body>
<h1>Lokale E-Mails</h1>
<p>Ohne SMTP_URL schreibt SPATZ jede E-Mail als Datei nach <code>${escapeHtml(mailDir)}</code>. Neueste zuerst.</p>
${mails.length === 0 ? "<p>Noch keine E-Mail.</p>" : items}
</body>
</html>`);
  };
}

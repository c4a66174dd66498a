// Markdown of the PM-Koffer as HTML, safely: markdown-it with raw HTML off (any tag is shown as text) and its link
// check (no javascript:, vbscript:, file: or data: links), so a chapter cannot run script in a reader's browser.
// Links to other sites open in a new tab. Loaded with the PM-Koffer pages only.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
const defaultLink =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx]!.attrGet("href") ?? "");
  if (/^https?:\/\//i.test(href)) {
    tokens[idx]!.attrSet("target", "_blank");
    tokens[idx]!.attrSet("rel", "noopener noreferrer");
  }
  return defaultLink(tokens, idx, options, env, self);
};
// Tables get the app's table style.
md.renderer.rules.table_open = () => '<table class="table">';

export function renderMarkdown(text: string): string {
  return md.render(text);
}

export function Markdown(props: { text: string }) {
  return <div class="markdown" innerHTML={renderMarkdown(props.text)} />;
}

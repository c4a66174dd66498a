// After `vite build`: every compressible file of dist/ also as .br and .gz (the API serves them to browsers that
// accept them, @hono/node-server `precompressed`), and the size check of what the first page loads: the entry
// script and its modulepreloads, gzip-compressed. Fails the build when that exceeds the budget, and prints every
// chunk's size so a change's cost is visible.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
/** Budget of the first page's JavaScript, gzip (issue 15 asks for ≤ 150 KiB on any page, ≤ 60 KiB for sign-in). */
const INITIAL_JS_BUDGET_KIB = Number(process.env.SPATZ_INITIAL_JS_BUDGET_KIB ?? 150);
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|geojson)$/;

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : [file];
  });

const sizes = new Map();
for (const file of files(dist)) {
  if (!COMPRESSIBLE.test(file)) continue;
  const content = readFileSync(file);
  const gz = gzipSync(content, { level: 9 });
  const br = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  // Only where it pays: tiny files are sent as they are.
  if (content.length > 1024) {
    writeFileSync(`${file}.gz`, gz);
    writeFileSync(`${file}.br`, br);
  }
  sizes.set(path.relative(dist, file), { raw: content.length, gz: gz.length, br: br.length });
}

const html = readFileSync(path.join(dist, "index.html"), "utf8");
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const initialGz = initial.reduce((sum, f) => sum + (sizes.get(f)?.gz ?? 0), 0);
const chunks = [...sizes].filter(([f]) => f.endsWith(".js")).sort((a, b) => b[1].gz - a[1].gz);
console.log("JavaScript (gzip / brotli):");
for (const [file, s] of chunks.slice(0, 12))
  console.log(
    `  ${kib(s.gz).padStart(10)} ${kib(s.br).padStart(10)}  ${file}${initial.includes(file) ? "  (erste Seite)" : ""}`,
  );
console.log(
  `Erste Seite: ${initial.length} Skripte, ${kib(initialGz)} gzip (Budget ${INITIAL_JS_BUDGET_KIB} KiB)`,
);
if (initialGz > INITIAL_JS_BUDGET_KIB * 1024) {
  console.error(
    `The first page loads ${kib(initialGz)} of JavaScript (gzip), over the budget of ${INITIAL_JS_BUDGET_KIB} KiB.`,
  );
  process.exit(1);
}

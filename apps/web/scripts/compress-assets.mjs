// After `vite build`: every compressible file of dist/ also as .br and .gz (the API serves them to browsers that
// accept them, @hono/node-server `precompressed`), and the size check of what a page loads before it shows (gzip):
// the sign-in page and every other page. Fails the build when one exceeds its budget, and prints the largest chunks
// so a change's cost is visible.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
/** Budgets of the JavaScript a page loads before it shows, gzip (issue 15: sign-in ≤ 60 KiB, any page ≤ 150 KiB). */
const SIGN_IN_JS_BUDGET_KIB = Number(process.env.SPATZ_SIGN_IN_JS_BUDGET_KIB ?? 60);
const PAGE_JS_BUDGET_KIB = Number(process.env.SPATZ_PAGE_JS_BUDGET_KIB ?? 150);
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

// What a page loads before it shows: the entry with its static imports (the sign-in page is just that) and, for every
// other page, its own chunk with its static imports. Charts (ECharts) load after the page shows, so they are not counted.
const manifestFile = path.join(dist, ".vite/manifest.json");
const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
rmSync(path.dirname(manifestFile), { recursive: true });
const closure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  return seen;
};
const gzOf = (keys) => [...keys].reduce((sum, key) => sum + (sizes.get(manifest[key].file)?.gz ?? 0), 0);
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initialKeys = closure(entry);
const initialGz = gzOf(initialKeys);
const pages = Object.keys(manifest)
  .filter((key) => manifest[key].isDynamicEntry && /Pages?\.tsx$/.test(key))
  .map((key) => ({ page: path.basename(key, ".tsx"), gz: gzOf(closure(key, new Set(initialKeys))) }))
  .sort((a, b) => b.gz - a.gz);

const initialFiles = new Set([...initialKeys].map((key) => manifest[key].file));
const chunks = [...sizes].filter(([f]) => f.endsWith(".js")).sort((a, b) => b[1].gz - a[1].gz);
console.log("JavaScript (gzip / brotli):");
for (const [file, s] of chunks.slice(0, 12))
  console.log(
    `  ${kib(s.gz).padStart(10)} ${kib(s.br).padStart(10)}  ${file}${initialFiles.has(file) ? "  (jede Seite)" : ""}`,
  );
console.log(`Anmeldung (Einstieg): ${kib(initialGz)} gzip (Budget ${SIGN_IN_JS_BUDGET_KIB} KiB)`);
console.log(
  `Größte Seiten beim ersten Aufruf: ${pages
    .slice(0, 4)
    .map((p) => `${p.page} ${kib(p.gz)}`)
    .join(", ")} (Budget ${PAGE_JS_BUDGET_KIB} KiB, ${pages.length} Seiten)`,
);
const over = [
  ...(initialGz > SIGN_IN_JS_BUDGET_KIB * 1024 ? [`the sign-in page loads ${kib(initialGz)}`] : []),
  ...pages.filter((p) => p.gz > PAGE_JS_BUDGET_KIB * 1024).map((p) => `${p.page} loads ${kib(p.gz)}`),
];
if (over.length) {
  console.error(`JavaScript (gzip) over budget: ${over.join("; ")}.`);
  process.exit(1);
}

/**
 * readTable in a worker thread: parsing a large spreadsheet takes seconds of CPU, which on the request's event loop
 * would stall every other request of the API process. The worker has its own heap limit and a deadline, and at most
 * two parse at once per process (others wait their turn), so imports cannot take the API's memory either.
 */

import { createRequire } from "node:module";
import { extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ImportFileError, type ImportFileErrorCode } from "./import-file-error.ts";
import { unpackedSize } from "./import-limits.ts";
import { readTable } from "./read-table.ts";
import type { ImportTable } from "./table.ts";

const MAX_PARALLEL = 2;
const DEADLINE_MS = 60_000;
const HEAP_MB = 512;

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * The worker next to this module: compiled (.js) it is started directly; as TypeScript source (under tsx or vitest)
 * through tsx's import API, since Node 20 runs no .ts by itself and a worker gets no --import loader.
 */
function startWorker(workerData: unknown, transferList: ArrayBuffer[]): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./read-table-worker${ext}`, import.meta.url);
  const options = { workerData, transferList, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } };
  if (ext !== ".ts") return new Worker(entry, options);
  // The ESM build of tsx's API (require.resolve finds the CommonJS one next to it).
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { ...options, eval: true });
}

type WorkerAnswer =
  | { ok: true; table: ImportTable }
  | { ok: false; code: ImportFileErrorCode | null; message: string };

/**
 * Below this much text (unpacked, for a workbook) parsing takes milliseconds, less than starting a worker; the demo
 * data and most real lists (Halle's has 15 projects) stay on the request's thread.
 */
const INLINE_BYTES = 256 * 1024;

export async function readTableOffThread(bytes: Uint8Array, fileName: string): Promise<ImportTable> {
  if (unpackedSize(bytes) <= INLINE_BYTES) return readTable(bytes, fileName);
  const done = await turn();
  try {
    return await parseInWorker(bytes, fileName);
  } finally {
    done();
  }
}

function parseInWorker(bytes: Uint8Array, fileName: string): Promise<ImportTable> {
  const copy = bytes.slice();
  const worker = startWorker({ bytes: copy, fileName }, [copy.buffer]);
  const tooBig = () =>
    new ImportFileError(
      "too_large",
      fileName,
      `Die Datei „${fileName}“ ist zu groß oder zu komplex, um sie zu lesen. Bitte teilen Sie die Liste auf ` +
        "mehrere Dateien auf oder speichern Sie nur das Tabellenblatt mit den Projekten.",
    );
  return new Promise<ImportTable>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(tooBig());
    }, DEADLINE_MS);
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    worker.once("message", (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.ok) resolve(answer.table);
        else if (answer.code) reject(new ImportFileError(answer.code, fileName, answer.message));
        else reject(new Error(answer.message));
      }),
    );
    // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or a crash: the file is the cause, say so.
    worker.once("error", () => settle(() => reject(tooBig())));
    worker.once("exit", () => settle(() => reject(tooBig())));
  });
}

/** Worker-thread entry of readTableOffThread: parses one uploaded file and posts the table or the German error. */
import { parentPort, workerData } from "node:worker_threads";
import { ImportFileError } from "./import-file-error.ts";
import { readTable } from "./read-table.ts";

const { bytes, fileName } = workerData as { bytes: Uint8Array; fileName: string };
readTable(bytes, fileName).then(
  (table) => parentPort!.postMessage({ ok: true, table }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof ImportFileError
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, code: null, message: String(error) },
    ),
);

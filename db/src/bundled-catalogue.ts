// The OZG catalogue shipped with SPATZ (db/seed-data/ozg, see SOURCE.md there): reference data, not demo data. The
// state imports it from the catalogue page ("mitgelieferter Katalog"), and the seed imports it into a new database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { type CatalogueSources, catalogueFiles } from "@spatz/rollout";
import { seedDataDir } from "./files.ts";

/** The four CSV files of the bundled catalogue. */
export function readBundledCatalogue(): CatalogueSources {
  const read = (file: string) => readFileSync(path.join(seedDataDir, "ozg", file), "utf8");
  return {
    themenfelder: read(catalogueFiles.themenfelder),
    lebenslagen: read(catalogueFiles.lebenslagen),
    ozgLeistungen: read(catalogueFiles.ozgLeistungen),
    leikaLeistungen: read(catalogueFiles.leikaLeistungen),
  };
}

// The operators' data-safety commands: database backup and restore, a Kommune's complete export, and the final
// deletion of Kommunen whose grace period has passed. Backup, restore and purge need the maintenance role
// (MAINTENANCE_DATABASE_URL: sees every row); the export runs as the runtime role inside the Kommune's own tenant
// transaction, exactly like the download of its own administration.
import { createWriteStream, existsSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import {
  createDb,
  exportTenantData,
  purgeDueTenants,
  queries,
  STATE_TENANT_ID,
  tenantExportArchive,
  withTenant,
} from "@spatz/db";
import { tenantSlug } from "@spatz/domain";
import { z } from "zod";
import { backup, restore } from "./backup.ts";
import { CLI_ACTOR, type Command, parse, withRuntimeDb } from "./command.ts";
import { requireEnv } from "./env.ts";

const MAINTENANCE_HINT =
  "postgres:// URL of a role that bypasses row-level security (superuser or BYPASSRLS)";
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const dataSafetyCommands: Record<string, Command> = {
  backup: {
    summary:
      "back up the whole database into an empty <dir>: pg_dump archive + manifest with checksums and row counts (MAINTENANCE_DATABASE_URL)",
    args: ["dir"],
    run: async (_values, [dir]) => {
      const manifest = await backup(requireEnv("MAINTENANCE_DATABASE_URL", MAINTENANCE_HINT), dir!);
      const dump = manifest.files[0]!;
      console.log(
        `Sicherung von ${manifest.database} in ${dir}: ${dump.name} (${mb(dump.bytes)}, SHA-256 ${dump.sha256.slice(0, 12)}…), ` +
          `${manifest.tenants} Mandanten, ${manifest.evidenceFiles.count} Nachweisdateien (${mb(manifest.evidenceFiles.bytes)}, im Dump enthalten)`,
      );
    },
  },

  restore: {
    summary:
      "restore a backup from <dir> into an empty database, then check every row count and the isolation rules (MAINTENANCE_DATABASE_URL)",
    args: ["dir"],
    run: async (_values, [dir]) => {
      const manifest = await restore(requireEnv("MAINTENANCE_DATABASE_URL", MAINTENANCE_HINT), dir!);
      const rows = Object.values(manifest.rows).reduce((a, b) => a + b, 0);
      console.log(
        `Sicherung vom ${manifest.createdAt} wiederhergestellt: ${Object.keys(manifest.rows).length} Tabellen, ` +
          `${rows} Zeilen, Zeilenzahlen und Mandantentrennung geprüft`,
      );
    },
  },

  "export-tenant": {
    summary:
      "write all data of one tenant (--slug) as a ZIP of CSV/JSON and its evidence files to <file> (DATABASE_URL); audited",
    options: { slug: { type: "string" } },
    args: ["file"],
    run: (values, [file]) =>
      withRuntimeDb(async (db) => {
        const { slug } = parse(z.object({ slug: tenantSlug }), values);
        if (existsSync(file!))
          throw new Error(`${file} gibt es schon; bitte einen neuen Dateinamen angeben.`);
        const tenant = await withTenant(db, STATE_TENANT_ID, (tx) => queries.getTenantBySlug(tx, slug), {
          readOnly: true,
        });
        if (!tenant) throw new Error(`Es gibt keine Verwaltung mit der Kennung ${slug}.`);
        const data = await withTenant(db, tenant.id, (tx) =>
          exportTenantData(tx, tenant, { ...CLI_ACTOR, label: "CLI (Betrieb)" }),
        );
        const archive = tenantExportArchive(data, async (ref) => {
          const content = await withTenant(
            db,
            tenant.id,
            async (tx) =>
              ref.kind === "evidence"
                ? (await queries.getEvidenceFile(tx, ref.id))?.content
                : (await queries.reportFile(tx, ref.id, ref.format))?.content,
            { readOnly: true },
          );
          return content ? new Uint8Array(content) : null;
        });
        await pipeline(
          Readable.fromWeb(archive as NodeReadableStream<Uint8Array>),
          createWriteStream(file!, { flags: "wx" }),
        );
        const rows = data.tables.reduce((n, t) => n + t.rows.length, 0);
        console.log(
          `Export von ${tenant.name} in ${file}: ${data.tables.length} Tabellen, ${rows} Zeilen, ${data.files.length} Nachweisdateien`,
        );
      }),
  },

  "purge-tenants": {
    summary:
      "finally delete every Kommune whose deletion date has passed: all its rows in every tenant table (MAINTENANCE_DATABASE_URL); audited in the state",
    run: async () => {
      const client = createDb(requireEnv("MAINTENANCE_DATABASE_URL", MAINTENANCE_HINT), {
        max: 2,
        applicationName: "spatz-purge",
      });
      try {
        const purged = await purgeDueTenants(client.db, { actor: CLI_ACTOR });
        for (const t of purged) {
          const rows = Object.values(t.rowsDeleted).reduce((a, b) => a + b, 0);
          console.log(
            `${t.name} (${t.slug}) endgültig gelöscht: ${rows} Zeilen (vorgemerkt für ${t.deletionDueAt})`,
          );
        }
        console.log(`${purged.length} Kommunen gelöscht`);
      } finally {
        await client.close();
      }
    },
  },
};

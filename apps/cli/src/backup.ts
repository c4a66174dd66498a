// `pnpm spatz backup <dir>` and `pnpm spatz restore <dir>`: the whole database as a pg_dump archive (custom format)
// plus manifest.json with its SHA-256 checksum and the row count of every table. Evidence files are stored in
// PostgreSQL (measure_evidence_files.content, bytea, see db/src/schema/evidence-files.ts), so the dump holds them too:
// there is no file store to back up beside it.
//
// Both run on MAINTENANCE_DATABASE_URL, a role that reads every row: row-level security is forced on every table, so
// only a superuser or a role with BYPASSRLS (plus pg_read_all_data; for a restore, a superuser) sees all tenants.
// The counts are taken in the snapshot pg_dump dumps (pg_export_snapshot), so they match the archive exactly, and a
// restore goes into an empty database in one transaction, then checks every count and the isolation rules.
import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { findRlsProblems } from "@spatz/db";
import postgres from "postgres";
import { findPgTool, pgToolMajor, runPgTool } from "./pg-tools.ts";

export const BACKUP_FORMAT = "spatz-backup/1";
export const DUMP_FILE = "spatz.dump";
export const MANIFEST_FILE = "manifest.json";
const RUNTIME_ROLES = ["spatz_owner", "spatz_app"];

export class BackupError extends Error {
  override name = "BackupError";
}

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: string;
  serverVersion: string;
  pgDumpVersion: number;
  migrations: number;
  files: { name: string; bytes: number; sha256: string }[];
  /** Exact row count of every table (schema.table), as dumped. */
  rows: Record<string, number>;
  tenants: number;
  evidenceFiles: { count: number; bytes: number; storedIn: string };
};

const COUNT_TABLES = `
  select n.nspname || '.' || c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg_toast%'
  order by 1`;

function connect(url: string) {
  return postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "spatz-backup" } });
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function countRows(sql: postgres.Sql | postgres.ReservedSql): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const { name } of await sql.unsafe<{ name: string }[]>(COUNT_TABLES)) {
    const [schema, table] = name.split(".") as [string, string];
    const [r] = await sql<{ n: string }[]>`select count(*) as n from ${sql(schema)}.${sql(table)}`;
    rows[name] = Number(r!.n);
  }
  return rows;
}

async function assertSeesAllRows(sql: postgres.Sql | postgres.ReservedSql, what: string): Promise<void> {
  const [role] = await sql<{ ok: boolean; name: string }[]>`
    select rolsuper or rolbypassrls as ok, rolname as name from pg_roles where rolname = current_user`;
  if (!role?.ok)
    throw new BackupError(
      `${what} braucht die Wartungsrolle (Superuser oder BYPASSRLS): Die Rolle ${role?.name} sieht wegen der ` +
        `Zeilensicherheit nicht alle Zeilen. / ${what} needs a role that bypasses row-level security.`,
    );
}

export async function backup(url: string, dir: string): Promise<BackupManifest> {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new BackupError(
      `Das Verzeichnis ${dir} ist nicht leer; eine Sicherung braucht ein neues oder leeres.`,
    );
  const pgDump = findPgTool("pg_dump");
  mkdirSync(dir, { recursive: true });
  const sql = connect(url);
  const reserved = await sql.reserve();
  try {
    await assertSeesAllRows(reserved, "Die Sicherung");
    const [server] = await reserved<{ version: string; major: number }[]>`
      select current_setting('server_version') as version, current_setting('server_version_num')::int / 10000 as major`;
    const dumpMajor = await pgToolMajor(pgDump);
    if (dumpMajor < server!.major)
      throw new BackupError(
        `pg_dump ${dumpMajor} ist älter als der Server (PostgreSQL ${server!.major}); bitte die passenden ` +
          `Client-Programme installieren oder PG_BIN_DIR setzen. / pg_dump is older than the server.`,
      );
    // One snapshot for the counts and the dump: the manifest describes exactly what the archive holds.
    await reserved.unsafe("begin isolation level repeatable read read only");
    const [exported] = await reserved<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`;
    const rows = await countRows(reserved);
    const [db] = await reserved<{ name: string }[]>`select current_database() as name`;
    const [evidence] = await reserved<{ count: string; bytes: string | null }[]>`
      select count(*) as count, sum(size_bytes) as bytes from measure_evidence_files`;
    const [migrations] = await reserved<
      { n: string }[]
    >`select count(*) as n from drizzle.__drizzle_migrations`;
    const dumpFile = path.join(dir, DUMP_FILE);
    await runPgTool(
      "pg_dump",
      ["--format=custom", `--snapshot=${exported!.snapshot}`, `--file=${dumpFile}`],
      url,
    );
    await reserved.unsafe("commit");
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: db!.name,
      serverVersion: server!.version,
      pgDumpVersion: dumpMajor,
      migrations: Number(migrations!.n),
      files: [{ name: DUMP_FILE, bytes: statSync(dumpFile).size, sha256: await sha256File(dumpFile) }],
      rows,
      tenants: rows["public.tenants"] ?? 0,
      evidenceFiles: {
        count: Number(evidence!.count),
        bytes: Number(evidence!.bytes ?? 0),
        storedIn: "public.measure_evidence_files.content (bytea) – im Dump enthalten",
      },
    };
    writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    reserved.release();
    await sql.end({ timeout: 5 });
  }
}

/** Reads the manifest and checks every file against its checksum before anything touches a database. */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile))
    throw new BackupError(`In ${dir} liegt keine Sicherung (${MANIFEST_FILE} fehlt).`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new BackupError(
      `Unbekanntes Sicherungsformat ${String(manifest.format)} (erwartet ${BACKUP_FORMAT}).`,
    );
  for (const f of manifest.files) {
    const file = path.join(dir, f.name);
    if (!existsSync(file)) throw new BackupError(`Die Sicherung ist unvollständig: ${f.name} fehlt.`);
    if ((await sha256File(file)) !== f.sha256)
      throw new BackupError(`Die Prüfsumme von ${f.name} stimmt nicht: Die Sicherung ist beschädigt.`);
  }
  return manifest;
}

export async function restore(url: string, dir: string): Promise<BackupManifest> {
  const manifest = await verifyBackup(dir);
  findPgTool("pg_restore");
  const sql = connect(url);
  try {
    await assertSeesAllRows(sql, "Die Wiederherstellung");
    const [existing] = await sql<{ n: string }[]>`
      select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`;
    if (Number(existing!.n) > 0)
      throw new BackupError(
        `Die Zieldatenbank ist nicht leer (${existing!.n} Tabellen und andere Objekte). Eine Sicherung wird nur in ` +
          "eine leere Datenbank zurückgespielt. / The target database is not empty.",
      );
    const roles = await sql<
      { name: string }[]
    >`select rolname as name from pg_roles where rolname in ${sql(RUNTIME_ROLES)}`;
    const missing = RUNTIME_ROLES.filter((r) => !roles.some((x) => x.name === r));
    if (missing.length > 0)
      throw new BackupError(
        `Auf dem Zielserver fehlen die Rollen ${missing.join(", ")}. Rollen gehören zum Server, nicht zur Datenbank: ` +
          "Legen Sie sie an wie bei der Installation (infra/container/init-roles.sql). / Missing roles on the target server.",
      );
    const [db] = await sql<{ name: string }[]>`select current_database() as name`;
    // One transaction: a failed restore leaves the database as empty as it was.
    await runPgTool(
      "pg_restore",
      ["--exit-on-error", "--single-transaction", `--dbname=${db!.name}`, path.join(dir, DUMP_FILE)],
      url,
    );
    await sql.unsafe("analyze");
    const rows = await countRows(sql);
    const differences = Object.keys({ ...manifest.rows, ...rows })
      .filter((t) => manifest.rows[t] !== rows[t])
      .map((t) => `${t}: gesichert ${manifest.rows[t] ?? "–"}, wiederhergestellt ${rows[t] ?? "–"}`);
    if (differences.length > 0)
      throw new BackupError(`Die wiederhergestellten Zeilen weichen ab:\n  ${differences.join("\n  ")}`);
    const problems = await findRlsProblems(sql);
    if (problems.length > 0)
      throw new BackupError(
        `Die wiederhergestellte Datenbank verletzt die Mandantentrennung:\n  ${problems.join("\n  ")}`,
      );
    return manifest;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

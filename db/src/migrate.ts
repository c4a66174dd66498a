// Runs the SQL migrations as the owner role, from code so that errors are readable (drizzle-kit migrate can exit 1 silently).
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { migrationsFolder } from "./files.ts";

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Postgres errors arrive wrapped by drizzle; the useful message is in `cause`. */
export function describeDbError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    const pg = current as Error & { code?: string; detail?: string; hint?: string; where?: string };
    parts.push(
      [pg.message, pg.code && `(SQLSTATE ${pg.code})`, pg.detail, pg.hint && `hint: ${pg.hint}`]
        .filter(Boolean)
        .join(" "),
    );
    current = current.cause;
  }
  return parts.join("\n  caused by: ") || String(error);
}

export async function runMigrations(ownerUrl: string, opts: { appPassword?: string } = {}): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle({ client: sql }), { migrationsFolder });
    if (opts.appPassword) {
      await sql.unsafe(`ALTER ROLE spatz_app PASSWORD ${quoteLiteral(opts.appPassword)}`);
    }
  } catch (error) {
    throw new MigrationError(`migration failed: ${describeDbError(error)}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

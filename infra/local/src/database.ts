// Creates the SPATZ roles and a database on a local cluster, the way a DBA would on a production server.
import postgres from "postgres";

export const OWNER_ROLE = "spatz_owner";
export const APP_ROLE = "spatz_app";

export type DatabaseUrls = {
  /** Connects as the owner role: runs migrations and admin tasks. */
  ownerUrl: string;
  /** Connects as the runtime role: owns nothing, cannot bypass row-level security. */
  appUrl: string;
};

function withUserAndDb(serverUrl: string, user: string, database: string): string {
  const url = new URL(serverUrl);
  url.username = user;
  url.password = "";
  url.pathname = `/${database}`;
  return url.toString();
}

/** Idempotent: a second start reuses the database. Local clusters use trust auth on 127.0.0.1 only. */
export async function ensureDatabase(superuserUrl: string, database: string): Promise<DatabaseUrls> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN
        CREATE ROLE ${OWNER_ROLE} LOGIN CREATEROLE;
      END IF;
    END $$`);
    const [exists] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!exists) await sql.unsafe(`CREATE DATABASE "${database}" OWNER ${OWNER_ROLE}`);
  } finally {
    await sql.end();
  }
  return {
    ownerUrl: withUserAndDb(superuserUrl, OWNER_ROLE, database),
    appUrl: withUserAndDb(superuserUrl, APP_ROLE, database),
  };
}

export async function dropDatabase(superuserUrl: string, database: string): Promise<void> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await sql.end();
  }
}

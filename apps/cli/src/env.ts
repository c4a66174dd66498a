// Database and password inputs for the CLI. Passwords come from stdin or an environment variable, never from argv.
import { createDb, type DbClient } from "@spatz/db";

export function requireEnv(name: string, hint: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (${hint}).`);
  return value;
}

export function runtimeDb(): DbClient {
  return createDb(requireEnv("DATABASE_URL", "postgres:// URL of the runtime role spatz_app"), {
    max: 4,
    applicationName: "spatz-cli",
    preparedStatements: !["false", "0"].includes(process.env.DB_PREPARED_STATEMENTS ?? ""),
  });
}

export async function readPassword(envName = "SPATZ_PASSWORD"): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY)
    process.stderr.write("Passwort (Eingabe wird angezeigt; besser per Pipe oder SPATZ_PASSWORD): ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  if (!password) throw new Error(`no password: pipe it to stdin or set ${envName}`);
  return password;
}

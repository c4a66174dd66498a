// What a CLI command is, and the helpers every command uses.
import type { z } from "zod";
import { runtimeDb } from "./env.ts";

type Options = Record<string, { type: "string" | "boolean"; short?: string }>;

export type Command = {
  summary: string;
  options?: Options;
  /** Names of the positional arguments, in order (shown in the usage). */
  args?: string[];
  run: (values: Record<string, string | boolean | undefined>, args: string[]) => Promise<void>;
};

export const CLI_ACTOR = { userId: null, label: "CLI" };

export function parse<T>(schemaDef: z.ZodType<T>, values: unknown): T {
  const result = schemaDef.safeParse(values);
  if (!result.success)
    throw new Error(result.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  return result.data;
}

export async function withRuntimeDb<T>(
  fn: (db: ReturnType<typeof runtimeDb>["db"]) => Promise<T>,
): Promise<T> {
  const client = runtimeDb();
  try {
    return await fn(client.db);
  } finally {
    await client.close();
  }
}

// `pnpm spatz <command>`: administration of a SPATZ installation (migrations, tenants, users, demo data, backups).
import { parseArgs } from "node:util";
import { commands } from "./commands.ts";

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.log("usage: pnpm spatz <command> [options]\n\ncommands:");
  for (const [key, c] of Object.entries(commands)) console.log(`  ${key.padEnd(16)} ${c.summary}`);
  process.exit(name && name !== "help" ? 2 : 0);
}
try {
  const expected = command.args ?? [];
  const { values, positionals } = parseArgs({
    args: rest,
    options: command.options ?? {},
    allowPositionals: expected.length > 0,
  });
  if (positionals.length !== expected.length)
    throw new Error(`usage: pnpm spatz ${name} ${expected.map((a) => `<${a}>`).join(" ")}`);
  await command.run(values as Record<string, string | boolean | undefined>, positionals);
  process.exit(0);
} catch (error) {
  console.error(`spatz ${name}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

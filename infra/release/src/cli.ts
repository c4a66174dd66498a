// `spatz-bundle <entry>…`, run as an app's `build` script: bundles the entries into the app's dist/.
import { BundleError, bundleApp } from "./bundle.ts";

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error("usage: spatz-bundle <entry.ts>… (run in the app's directory)");
  process.exit(2);
}
try {
  const started = performance.now();
  const { outputs, externals, copied } = await bundleApp(process.cwd(), entries);
  for (const o of outputs) console.log(`${o.file}  ${(o.bytes / 1024).toFixed(0)} kB`);
  console.log(`libraries left to the runtime install: ${[...externals.keys()].sort().join(", ")}`);
  if (copied.length > 0) console.log(`copied beside the bundle: ${copied.join(", ")}`);
  console.log(`built in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(error instanceof BundleError ? `spatz-bundle: ${error.message}` : error);
  process.exit(1);
}

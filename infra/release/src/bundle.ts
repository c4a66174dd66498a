// The production build of a Node app (api, worker, cli): one ES module per entry in dist/, with the workspace packages
// (@spatz/*) inlined and every library left as an import that the runtime install provides. ADR 0005 says why.
//
// The app's package.json is the contract: its `dependencies` are exactly the libraries the bundle imports (plus the
// peers those libraries need), at the versions the importing workspace packages declare; workspace packages are
// `devDependencies` because they exist only at build time. The build fails on any drift, so `pnpm deploy --prod`
// installs what the bundle runs and nothing else.
import { cpSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { type BuildOptions, build, type Plugin } from "esbuild";

/** The workspace's package scope: imports of it are compiled into the bundle. */
const WORKSPACE_SCOPE = "@spatz/";

/**
 * Files a module reads at run time, relative to the repository root, copied next to the bundle when the module is in
 * it. The module finds them there because the bundle defines SPATZ_BUNDLE (see db/src/files.ts).
 */
const FILES_READ_AT_RUN_TIME: Record<string, string[]> = {
  "db/src/files.ts": ["db/migrations", "db/seed-data"],
  "packages/reports/src/fonts.ts": ["packages/reports/fonts"],
  "apps/api/src/legal.ts": ["apps/api/legal"],
};

/**
 * Worker-thread entries a module starts from the file next to itself (`new URL("./x.js", import.meta.url)`): built as
 * entries of their own into dist/ when the module is in the bundle.
 */
const WORKER_ENTRIES: Record<string, { out: string; in: string }> = {
  "packages/portfolio/src/read-table-off-thread.ts": {
    out: "read-table-worker",
    in: "packages/portfolio/src/read-table-worker.ts",
  },
};

type PackageJson = {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

export type BundleResult = {
  outputs: { file: string; bytes: number }[];
  /** Library → the workspace packages (or the app) that import it. */
  externals: Map<string, Set<string>>;
  copied: string[];
};

export class BundleError extends Error {
  override name = "BundleError";
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** `drizzle-orm/pg-core` → `drizzle-orm`, `@trpc/server/adapters` → `@trpc/server`. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(packageName(specifier));
}

/** The directory of the nearest package.json above `file`. */
function packageDirOf(file: string): string {
  let dir = path.dirname(file);
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new BundleError(`no package.json above ${file}`);
    dir = parent;
  }
  return dir;
}

export function findRepoRoot(from: string): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new BundleError(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Marks every library import external and remembers which package imported it. */
function externalLibraries(externals: Map<string, Set<string>>): Plugin {
  return {
    name: "spatz-external-libraries",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (isBuiltin(args.path)) return { external: true };
        if (args.path.startsWith(WORKSPACE_SCOPE)) return undefined; // resolved and compiled in by esbuild
        const name = packageName(args.path);
        const importers = externals.get(name) ?? new Set<string>();
        importers.add(packageDirOf(args.importer));
        externals.set(name, importers);
        return { external: true };
      });
    },
  };
}

function declaredVersion(pkg: PackageJson, dep: string): string | undefined {
  return pkg.dependencies?.[dep] ?? pkg.peerDependencies?.[dep] ?? pkg.devDependencies?.[dep];
}

/** Problems of the app's dependency list against what the bundle imports; an empty list means it matches. */
export function checkDependencies(
  appDir: string,
  externals: Map<string, Set<string>>,
  resolvePackageJson: (dep: string) => PackageJson | null,
): string[] {
  const app = readJson<PackageJson>(path.join(appDir, "package.json"));
  const runtime = app.dependencies ?? {};
  const problems: string[] = [];

  for (const dep of Object.keys(runtime)) {
    if (dep.startsWith(WORKSPACE_SCOPE))
      problems.push(`${dep} is compiled into the bundle: move it to devDependencies of ${app.name}`);
  }
  for (const [dep, importers] of [...externals].sort(([a], [b]) => a.localeCompare(b))) {
    const wanted = runtime[dep];
    const names = [...importers].map((dir) => readJson<PackageJson>(path.join(dir, "package.json")).name);
    if (!wanted) {
      problems.push(
        `${dep} is imported by ${names.join(", ")} but is not in "dependencies" of ${app.name}: the runtime install would miss it`,
      );
      continue;
    }
    for (const dir of importers) {
      const pkg = readJson<PackageJson>(path.join(dir, "package.json"));
      const theirs = declaredVersion(pkg, dep);
      if (pkg.name !== app.name && theirs && theirs !== wanted)
        problems.push(`${dep}: ${pkg.name} declares ${theirs}, ${app.name} installs ${wanted}`);
    }
  }
  // A dependency nobody imports is dead weight, unless an imported library needs it as a peer (bullmq → ioredis).
  const peers = new Set<string>();
  for (const dep of externals.keys()) {
    for (const peer of Object.keys(resolvePackageJson(dep)?.peerDependencies ?? {})) peers.add(peer);
  }
  for (const dep of Object.keys(runtime)) {
    if (dep.startsWith(WORKSPACE_SCOPE) || externals.has(dep) || peers.has(dep)) continue;
    problems.push(`${dep} is in "dependencies" of ${app.name} but the bundle never imports it`);
  }
  return problems;
}

/** The package.json of a library as the app resolves it (through the app's node_modules). */
function appPackageJson(appDir: string) {
  return (dep: string): PackageJson | null => {
    const file = path.join(appDir, "node_modules", dep, "package.json");
    return existsSync(file) ? readJson<PackageJson>(file) : null;
  };
}

export async function bundleApp(appDir: string, entries: string[]): Promise<BundleResult> {
  const repo = findRepoRoot(appDir);
  const outdir = path.join(appDir, "dist");
  rmSync(outdir, { recursive: true, force: true });
  const externals = new Map<string, Set<string>>();
  const options = {
    absWorkingDir: appDir,
    outdir,
    bundle: true,
    platform: "node" as const,
    format: "esm" as const,
    target: "node20.19",
    sourcemap: "linked" as const,
    // Stack traces keep readable names; the bundle is small either way.
    minify: false,
    define: { SPATZ_BUNDLE: "true" },
    metafile: true as const,
    logLevel: "warning" as const,
    plugins: [externalLibraries(externals)],
  } satisfies BuildOptions;
  const result = await build({ ...options, entryPoints: entries, outbase: "src" });
  const bundled = new Set(
    Object.keys(result.metafile.inputs).map((f) => path.relative(repo, path.resolve(appDir, f))),
  );
  const workers = Object.entries(WORKER_ENTRIES)
    .filter(([module]) => bundled.has(module))
    .map(([, entry]) => ({ out: entry.out, in: path.join(repo, entry.in) }));
  const workerResult = workers.length > 0 ? await build({ ...options, entryPoints: workers }) : null;

  const problems = checkDependencies(appDir, externals, appPackageJson(appDir));
  if (problems.length > 0) {
    rmSync(outdir, { recursive: true, force: true });
    throw new BundleError(`the bundle and package.json disagree:\n  ${problems.join("\n  ")}`);
  }

  const copied: string[] = [];
  for (const [module, folders] of Object.entries(FILES_READ_AT_RUN_TIME)) {
    if (!bundled.has(module)) continue;
    for (const folder of folders) {
      cpSync(path.join(repo, folder), path.join(outdir, path.basename(folder)), { recursive: true });
      copied.push(folder);
    }
  }
  const outputs = [
    ...Object.keys(result.metafile.outputs),
    ...Object.keys(workerResult?.metafile.outputs ?? {}),
  ]
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({
      file: path.relative(appDir, path.resolve(appDir, f)),
      bytes: statSync(path.resolve(appDir, f)).size,
    }));
  return { outputs, externals, copied };
}

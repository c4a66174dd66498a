// The deployment files read as an operator's checklist, since no container engine or cluster exists here: the
// Kubernetes manifests (probes, resources, separate secrets, disruption budgets, pinned images, body-size limits),
// the Dockerfile (pinned base, no masked failures, prune per app, tool versions as in package.json), the build
// context's exclusions and the compose file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { BODY_LIMITS } from "../../../apps/api/src/body-limits.ts";
import { repo } from "./recipe.ts";

const read = (file: string) => readFileSync(path.join(repo, file), "utf8");

type Container = {
  name: string;
  image: string;
  args?: string[];
  env?: { name: string; value?: string }[];
  envFrom?: { secretRef?: { name: string }; configMapRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
};
type Probe = { httpGet?: { path: string; port: string | number }; exec?: { command: string[] } };
type PodSpec = {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
};
type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: {
    template?: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
    jobTemplate?: { spec: { template: { spec: PodSpec } } };
    schedule?: string;
    concurrencyPolicy?: string;
    selector?: { matchLabels: Record<string, string> };
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    replicas?: number;
  };
  data?: Record<string, string>;
};

function parseYaml(text: string): Manifest[] {
  const docs = parseAllDocuments(text);
  for (const doc of docs) expect(doc.errors, String(doc.errors)).toEqual([]);
  return docs.map((d) => d.toJS() as Manifest);
}

const manifests = parseYaml(read("infra/k8s/spatz.yaml"));
const find = (kind: string, name: string) => {
  const m = manifests.find((x) => x.kind === kind && x.metadata.name === name);
  if (!m) throw new Error(`infra/k8s/spatz.yaml has no ${kind} ${name}`);
  return m;
};
const podSpec = (m: Manifest) =>
  m.kind === "CronJob" ? m.spec.jobTemplate!.spec.template.spec : m.spec.template!.spec;
const workloads = manifests.filter((m) => ["Deployment", "Job", "CronJob"].includes(m.kind));
const api = find("Deployment", "spatz-api");
const worker = find("Deployment", "spatz-worker");
const migrate = find("Job", "spatz-migrate");
const backupJob = find("CronJob", "spatz-backup");
const purgeJob = find("CronJob", "spatz-purge-tenants");
const dockerfile = read("infra/container/Dockerfile");
const rootPackage = JSON.parse(read("package.json")) as {
  packageManager: string;
  devDependencies: Record<string, string>;
};

/** nginx size syntax (16m, 512k, 1g) in bytes. */
function nginxBytes(size: string): number {
  const match = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!match) throw new Error(`not an nginx size: ${size}`);
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase()]!;
  return Number(match[1]) * unit;
}

describe("Kubernetes manifests", () => {
  it("parse, and every object has a kind and a name", () => {
    expect(manifests.length).toBeGreaterThan(5);
    for (const m of manifests) {
      expect(m.apiVersion).toBeTruthy();
      expect(m.metadata.name).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it("run pinned images of one release, one image per app", () => {
    expect(workloads.length).toBe(5);
    const tags = new Set<string>();
    for (const m of workloads) {
      for (const c of podSpec(m).containers) {
        // registry/name:exact.version, optionally @sha256:digest; never :latest or a bare major.
        const match = /^[a-z0-9.-]+(?::\d+)?\/[a-z0-9/-]+:(\d+\.\d+\.\d+)(@sha256:[a-f0-9]{64})?$/.exec(
          c.image,
        );
        expect(match, `${m.metadata.name}: ${c.image}`).not.toBeNull();
        tags.add(match![1]!);
      }
    }
    expect(tags.size).toBe(1);
    expect(podSpec(api).containers[0]!.image).toMatch(/\/spatz-api:/);
    expect(podSpec(worker).containers[0]!.image).toMatch(/\/spatz-worker:/);
    for (const job of [migrate, backupJob, purgeJob])
      expect(podSpec(job).containers[0]!.image).toMatch(/\/spatz-cli:/);
  });

  it("give every container resource requests and limits", () => {
    for (const m of workloads) {
      for (const c of podSpec(m).containers) {
        expect(c.resources?.requests?.cpu, `${m.metadata.name} requests.cpu`).toBeTruthy();
        expect(c.resources?.requests?.memory, `${m.metadata.name} requests.memory`).toBeTruthy();
        expect(c.resources?.limits?.memory, `${m.metadata.name} limits.memory`).toBeTruthy();
        expect(c.resources?.limits?.cpu, `${m.metadata.name} limits.cpu`).toBeTruthy();
      }
    }
  });

  it("run as the image's unprivileged user with a read-only root file system", () => {
    const uid = /useradd [^\n]*--uid (\d+)/.exec(dockerfile)?.[1];
    expect(uid).toBeTruthy();
    for (const m of workloads) {
      const spec = podSpec(m);
      expect(spec.securityContext?.runAsNonRoot, m.metadata.name).toBe(true);
      expect(spec.securityContext?.runAsUser, m.metadata.name).toBe(Number(uid));
      for (const c of spec.containers) {
        expect(c.securityContext?.allowPrivilegeEscalation, m.metadata.name).toBe(false);
        expect(c.securityContext?.readOnlyRootFilesystem, m.metadata.name).toBe(true);
      }
    }
  });

  it("keep the migration secret (owner role), the runtime secret and the maintenance secret apart", () => {
    const secretsOf = (m: Manifest) =>
      podSpec(m).containers.flatMap((c) => (c.envFrom ?? []).flatMap((e) => e.secretRef?.name ?? []));
    expect(secretsOf(migrate)).toEqual(["spatz-migration"]);
    expect(secretsOf(api)).toEqual(["spatz-runtime"]);
    expect(secretsOf(worker)).toEqual(["spatz-runtime"]);
    // Backups and the purge of deleted Kommunen read every row: only they get the role that bypasses RLS.
    expect(secretsOf(backupJob)).toEqual(["spatz-maintenance"]);
    expect(secretsOf(purgeJob)).toEqual(["spatz-maintenance"]);
    // Secrets are created by the operator; none is committed, and no value is written into a manifest.
    expect(manifests.filter((m) => m.kind === "Secret")).toEqual([]);
    const config = find("ConfigMap", "spatz-config").data ?? {};
    for (const key of ["DATABASE_URL", "MIGRATION_DATABASE_URL", "APP_DB_PASSWORD", "REDIS_URL", "SMTP_URL"])
      expect(Object.keys(config)).not.toContain(key);
    expect(podSpec(migrate).containers[0]!.args).toEqual(["migrate"]);
  });

  it("check the API's readiness on /health/ready and its liveness on /health/live, at its port", () => {
    const c = podSpec(api).containers[0]!;
    expect(c.readinessProbe?.httpGet?.path).toBe("/health/ready");
    expect(c.livenessProbe?.httpGet?.path).toBe("/health/live");
    const portNames = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
    for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe])
      expect(portNames.has(probe!.httpGet!.port)).toBe(true);
    expect(c.ports?.[0]?.containerPort).toBe(Number(/ENV [^\n]*PORT=(\d+)/.exec(dockerfile)?.[1]));
  });

  it("check the worker's liveness with its heartbeat probe, which its build produces", () => {
    const c = podSpec(worker).containers[0]!;
    expect(c.livenessProbe?.exec?.command).toEqual(["node", "dist/liveness.js"]);
    expect(c.env?.find((e) => e.name === "WORKER_HEARTBEAT_FILE")?.value).toMatch(/^\/tmp\//);
    const build = (JSON.parse(read("apps/worker/package.json")) as { scripts: { build: string } }).scripts
      .build;
    expect(build).toContain("src/liveness.ts");
    expect(dockerfile).toMatch(/ENV WORKER_HEARTBEAT_FILE=\/tmp\//);
  });

  it("back up nightly and purge deleted Kommunen daily, after the backup, never two runs at once", () => {
    expect(podSpec(backupJob).containers[0]!.args?.join(" ")).toMatch(/dist\/main\.js backup /);
    expect(podSpec(purgeJob).containers[0]!.args).toEqual(["purge-tenants"]);
    for (const job of [backupJob, purgeJob]) expect(job.spec.concurrencyPolicy).toBe("Forbid");
    const hour = (m: Manifest) => Number(m.spec.schedule!.split(" ")[1]);
    expect(hour(purgeJob)).toBeGreaterThan(hour(backupJob));
  });

  it("give the worker more time to stop than its job drain takes", () => {
    const drainMs = Number(find("ConfigMap", "spatz-config").data?.WORKER_SHUTDOWN_TIMEOUT_MS ?? 30_000);
    expect(podSpec(worker).terminationGracePeriodSeconds! * 1000).toBeGreaterThan(drainMs);
  });

  it("keep API and worker available during voluntary disruptions (a PodDisruptionBudget each)", () => {
    for (const deployment of [api, worker]) {
      const labels = deployment.spec.template!.metadata!.labels!;
      const pdb = manifests.find(
        (m) =>
          m.kind === "PodDisruptionBudget" &&
          Object.entries(m.spec.selector!.matchLabels).every(([k, v]) => labels[k] === v),
      );
      expect(pdb, `PodDisruptionBudget for ${deployment.metadata.name}`).toBeTruthy();
      if (typeof pdb!.spec.minAvailable === "number")
        expect(pdb!.spec.minAvailable).toBeLessThan(deployment.spec.replicas!);
      else expect(pdb!.spec.maxUnavailable).toBeGreaterThanOrEqual(1);
    }
  });

  it("let the ingress pass the API's largest request, a little above its upload limit", () => {
    const annotations = find("Ingress", "spatz").metadata.annotations ?? {};
    const bytes = nginxBytes(annotations["nginx.ingress.kubernetes.io/proxy-body-size"] ?? "1m");
    const largest = Math.max(...Object.values(BODY_LIMITS));
    expect(bytes).toBeGreaterThanOrEqual(largest);
    expect(bytes).toBeLessThanOrEqual(largest + 2 * 1024 * 1024);
  });
});

describe("container image", () => {
  it("builds on a pinned Node LTS base, the same for every stage", () => {
    const base = /^ARG NODE_IMAGE=(.+)$/m.exec(dockerfile)?.[1];
    // An exact version of an even (LTS) major on a named Debian release, never a floating tag.
    expect(base).toMatch(/^node:(\d*[02468])\.\d+\.\d+-[a-z]+-slim(@sha256:[a-f0-9]{64})?$/);
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]!);
    const stages = ["$" + "{NODE_IMAGE}", "toolchain", "source", "runtime"];
    for (const from of froms) expect(stages).toContain(from);
  });

  it("never hides a failing step", () => {
    expect(dockerfile).not.toMatch(/\|\|\s*true/);
    expect(dockerfile).not.toMatch(/;\s*exit 0/);
  });

  it("prunes, builds and deploys each app on its own, with the toolchain versions of package.json", () => {
    for (const app of ["api", "worker", "cli"]) {
      expect(dockerfile).toMatch(new RegExp(`RUN turbo prune @spatz/${app}\\b`));
      expect(dockerfile).toContain(`pnpm --filter @spatz/${app} --prod deploy /out`);
      expect(dockerfile).toMatch(new RegExp(`^FROM runtime AS ${app}$`, "m"));
    }
    expect(dockerfile).toContain("pnpm install --frozen-lockfile");
    expect(dockerfile).toContain(`pnpm@${rootPackage.packageManager.replace("pnpm@", "")}`);
    expect(dockerfile).toContain(`turbo@${rootPackage.devDependencies.turbo}`);
  });

  it("runs compiled JavaScript with node, never tsx", () => {
    const commands = [...dockerfile.matchAll(/^(?:CMD|ENTRYPOINT|HEALTHCHECK) .*$/gm)].map((m) => m[0]);
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const command of commands) {
      expect(command).not.toMatch(/tsx|\.ts"/);
      if (!command.startsWith('CMD ["help"]')) expect(command).toMatch(/"node"/);
    }
  });

  it("leaves local data, secrets, installs and outputs out of the build context", () => {
    const ignored = read(".dockerignore")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    for (const pattern of [
      ".git",
      ".data",
      ".env*",
      "**/node_modules",
      "**/dist",
      "**/.turbo",
      "**/test-results",
    ])
      expect(ignored).toContain(pattern);
  });

  it("lets the single-host proxy pass the API's largest request too", () => {
    const size = /client_max_body_size\s+(\w+);/.exec(read("infra/container/nginx.conf"))?.[1];
    const largest = Math.max(...Object.values(BODY_LIMITS));
    expect(nginxBytes(size ?? "1m")).toBeGreaterThanOrEqual(largest);
  });

  it("gives only the compose file's migration job the owner role", () => {
    const [compose] = parseYaml(read("infra/container/compose.yaml")) as unknown as {
      services: Record<string, { environment?: Record<string, string>; command?: string[] }>;
    }[];
    const env = (name: string) => Object.keys(compose!.services[name]?.environment ?? {});
    expect(env("migrate")).toContain("MIGRATION_DATABASE_URL");
    expect(compose!.services.migrate?.command).toEqual(["migrate"]);
    for (const service of ["api", "worker"]) {
      expect(env(service)).toContain("DATABASE_URL");
      expect(env(service)).not.toContain("MIGRATION_DATABASE_URL");
      expect(env(service)).not.toContain("APP_DB_PASSWORD");
    }
  });
});

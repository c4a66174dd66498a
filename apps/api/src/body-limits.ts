// The largest request bodies the API accepts. A reverse proxy in front (infra/container/nginx.conf, the ingress in
// infra/k8s) must allow a little more, so that an oversized upload gets the API's German 413 answer, not the proxy's;
// infra/release/test/manifests.test.ts checks both against these numbers.
const MiB = 1024 * 1024;

export const BODY_LIMITS = {
  /** Every state-changing request; project lists travel as base64 in a mutation: 5 MB of file are about 6.7 MB. */
  request: 8 * MiB,
  /** Only the procedures that carry an evidence file: 10 MB of file are about 13.4 MB as base64. */
  evidenceUpload: 15 * MiB,
} as const;

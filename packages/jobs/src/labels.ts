// German names of queues and jobs for the job monitor ("Hintergrundaufgaben").
import type { JobName } from "./payloads.ts";
import type { QueueKey } from "./queues.ts";

export const QUEUE_LABELS: Record<QueueKey, string> = {
  maintenance: "Wartung",
  benchmarks: "Reifegrad-Stände der Kommunen",
  benchmarkAggregates: "Vergleichswerte",
  rolloutAggregates: "Rollout-Kennzahlen des Landes",
  reports: "Berichte",
  mail: "E-Mails",
};

export const JOB_LABELS: Record<JobName, string> = {
  "cleanup.sweep": "Aufräumen (stündlich)",
  "cleanup.tenant": "Abgelaufene Sitzungen und Einladungen einer Kommune löschen",
  "rollout.landStats": "Landesdurchschnitt des Rollouts berechnen",
  "rollout.aggregateKommune": "Rollout-Kennzahlen eines Landkreises nach einer Änderung aktualisieren",
  "rollout.aggregateAll": "Alle Rollout-Kennzahlen neu berechnen (nachts mit Abgleich)",
  "report.generate": "Bericht erstellen und archivieren",
  "report.schedule": "Geplante Berichte des abgelaufenen Zeitraums anstoßen",
  "report.notify": "Abonnenten über einen neuen Bericht benachrichtigen",
  "mail.send": "E-Mail senden",
  "benchmark.snapshot": "Reifegrad-Stand einer Kommune festhalten",
  "benchmark.aggregate": "Vergleichswerte berechnen",
  "benchmark.refreshAll": "Nächtliche Aktualisierung aller Reifegrad-Stände",
};

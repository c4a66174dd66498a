import { z } from "zod";

export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(200).default(25),
});

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

// Users, sessions and invitations: all tenant tables, reachable only inside a tenant transaction.

import { ROLES, USER_STATUSES } from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, createdAt, enumCheck, updatedAt } from "./columns.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

export const users = pgTable(
  "users",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    /** Stored lower-cased; unique per tenant. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("users_role_check", t.role, ROLES),
    enumCheck("users_status_check", t.status, USER_STATUSES),
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("users_tenant_email_key").on(t.tenantId, t.email),
    tenantPolicy("users"),
  ],
).enableRLS();

export const sessions = pgTable(
  "sessions",
  {
    tenantId: tenantIdColumn(),
    id: text("id").notNull(),
    userId: uuid("user_id").notNull(),
    /** SHA-256 of the session secret; the secret itself is only ever in the user's cookie. */
    secretHash: bytea("secret_hash").notNull(),
    createdAt: createdAt(),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }).notNull().defaultNow(),
    idleExpiresAt: timestamp("idle_expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
    index("sessions_tenant_user_idx").on(t.tenantId, t.userId),
    index("sessions_tenant_expiry_idx").on(t.tenantId, t.idleExpiresAt),
    tenantPolicy("sessions"),
  ],
).enableRLS();

export const invitations = pgTable(
  "invitations",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: bytea("token_hash").notNull(),
    invitedBy: uuid("invited_by"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    enumCheck("invitations_role_check", t.role, ROLES),
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("invitations_tenant_expiry_idx").on(t.tenantId, t.expiresAt),
    uniqueIndex("invitations_tenant_open_email_key")
      .on(t.tenantId, t.email)
      .where(sql`accepted_at is null and revoked_at is null`),
    tenantPolicy("invitations"),
  ],
).enableRLS();

export type User = typeof users.$inferSelect;
export type Role = User["role"];
export type Session = typeof sessions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;

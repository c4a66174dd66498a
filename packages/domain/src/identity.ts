// Input schemas for sign-in, invitations and user administration, shared by the forms and the server.
import { z } from "zod";
import { ROLES } from "./roles.ts";

export const PASSWORD_MIN_LENGTH = 12;

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Die E-Mail-Adresse ist zu lang.")
  .email("Bitte eine gültige E-Mail-Adresse eingeben.");

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`)
  .max(200, "Das Passwort darf höchstens 200 Zeichen lang sein.");

export const displayName = z
  .string()
  .trim()
  .min(2, "Bitte einen Namen mit mindestens 2 Zeichen eingeben.")
  .max(120, "Der Name darf höchstens 120 Zeichen lang sein.");

export const tenantSlug = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Kennung: nur Kleinbuchstaben, Ziffern und Bindestriche.");

export const loginInput = z.object({
  tenantSlug,
  email,
  password: z.string().min(1, "Bitte das Passwort eingeben.").max(200),
});

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Bitte das bisherige Passwort eingeben."),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "Die Passwörter stimmen nicht überein.",
    path: ["confirmPassword"],
  });

export const inviteInput = z.object({ email, displayName, role: z.enum(ROLES) });

export const acceptInvitationInput = z
  .object({
    tenantSlug,
    token: z.string().min(20).max(200),
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "Die Passwörter stimmen nicht überein.",
    path: ["confirmPassword"],
  });

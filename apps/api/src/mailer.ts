// The API's mailer from its configuration (the one implementation lives in @spatz/mail).
import { createMailer as create, type Mailer } from "@spatz/mail";
import type { Config } from "./config.ts";
import type { AppLogger } from "./logger.ts";

export { folderMailer } from "@spatz/mail";

export function createMailer(config: Config, logger: AppLogger): Mailer | null {
  return create({ smtpUrl: config.SMTP_URL, mailDir: config.MAIL_DIR, from: config.MAIL_FROM }, logger);
}

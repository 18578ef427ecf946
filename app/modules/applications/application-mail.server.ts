import type { ApplicationStatus } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { vietnamDate } from "~/lib/format-time";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { listOrganisationMailRecipients } from "~/modules/organisations/queries.server";
import { findMailRecipient } from "./queries.server";

/**
 * The jobs mails (category `jobs`), queued in the transaction of the change: a graduate's invitation and each
 * status change of their application, and an employer's new application. Each names the job, the company and the day.
 */

export interface JobFacts {
  id: string;
  title: string;
  deadline: string;
  company: string;
  companyCode: string;
  organisationId: string;
}

const localeOf = (locale: string): "vi" | "en" => (locale === "en" ? "en" : "vi");

export async function mailInvitation(
  tx: Executor,
  options: { userId: string; job: JobFacts; now?: Date; publicOrigin?: string },
) {
  const person = await findMailRecipient(tx, options.userId);
  if (!person) return;
  const origin = options.publicOrigin ?? getEnv().PUBLIC_ORIGIN;
  await enqueueMail(tx, {
    to: person.email,
    locale: localeOf(person.locale),
    recipientUserId: person.id,
    template: {
      name: "job_invitation",
      params: {
        fullName: person.fullName,
        job: options.job.title,
        company: options.job.company,
        deadline: options.job.deadline,
        date: vietnamDate(options.now),
        link: `${origin}/jobs/${options.job.id}`,
      },
    },
  });
}

export async function mailApplicationStatus(
  tx: Executor,
  options: { userId: string; job: JobFacts; status: ApplicationStatus; now?: Date; publicOrigin?: string },
) {
  const person = await findMailRecipient(tx, options.userId);
  if (!person) return;
  const origin = options.publicOrigin ?? getEnv().PUBLIC_ORIGIN;
  await enqueueMail(tx, {
    to: person.email,
    locale: localeOf(person.locale),
    recipientUserId: person.id,
    template: {
      name: "application_status",
      params: {
        fullName: person.fullName,
        job: options.job.title,
        company: options.job.company,
        status: options.status,
        date: vietnamDate(options.now),
        link: `${origin}/graduate/applications`,
      },
    },
  });
}

/** To every member of the employer: a new application, or (`withdrawn`) one its applicant withdrew. */
export async function mailNewApplication(
  tx: Executor,
  options: { applicant: string; job: JobFacts; now?: Date; publicOrigin?: string; withdrawn?: boolean },
) {
  const origin = options.publicOrigin ?? getEnv().PUBLIC_ORIGIN;
  for (const person of await listOrganisationMailRecipients(tx, options.job.organisationId)) {
    await enqueueMail(tx, {
      to: person.email,
      locale: localeOf(person.locale),
      recipientUserId: person.id,
      template: {
        name: options.withdrawn ? "application_withdrawn" : "application_received",
        params: {
          fullName: person.fullName,
          applicant: options.applicant,
          job: options.job.title,
          company: options.job.company,
          date: vietnamDate(options.now),
          link: `${origin}/employer/${options.job.companyCode}/jobs/${options.job.id}/applications`,
        },
      },
    });
  }
}

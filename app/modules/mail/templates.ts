/** The text of every mail the portal sends, in both languages. Pure: no I/O. */
import type { CaseKind, CaseNews, CaseStatus } from "../../../db/schema/cases";
import { formatDateVi } from "~/modules/reference/cell-values";

/** A day (yyyy-mm-dd, Vietnam) as printed in a mail, the same in both languages: dd/mm/yyyy. */
const day = (iso: string) => formatDateVi(iso);
export type MailTemplate =
  | { name: "confirm_email"; params: { fullName: string; link: string } }
  | { name: "reset_password"; params: { fullName: string; link: string } }
  | { name: "invitation"; params: { fullName: string; link: string; organisation: string; role: string } }
  | { name: "role_granted"; params: { fullName: string; link: string; organisation: string; role: string } }
  | {
      name: "fake_report_status";
      params: {
        trackingCode: string;
        status: "received" | "investigating" | "closed_genuine" | "closed_fake";
        note: string;
        link: string;
      };
    }
  | {
      name: "case_update";
      params: {
        code: string;
        kind: CaseKind;
        /** What happened (tell-people.server.ts). */
        news: CaseNews;
        status: CaseStatus;
        note: string;
        /** yyyy-mm-dd, or "" */
        dueOn: string;
        link: string;
      };
    }
  | {
      name: "case_staff_alert";
      params: { fullName: string; code: string; kind: CaseKind; news: CaseNews; dueOn: string; link: string };
    }
  | {
      name: "diploma_claim_code";
      params: {
        fullName: string;
        schoolName: string;
        programmeName: string;
        serial: string;
        issueDate: string;
        claimCode: string;
        link: string;
        /** A correction or reissue: the serial of the diploma it replaces. */
        replacesSerial: string | null;
      };
    }
  | {
      name: "batch_submitted";
      params: {
        fullName: string;
        schoolName: string;
        batchTitle: string;
        count: number;
        submittedBy: string;
        link: string;
      };
    }
  | {
      name: "batch_signed";
      params: {
        fullName: string;
        schoolName: string;
        batchTitle: string;
        count: number;
        signedBy: string;
        first: string;
        last: string;
        link: string;
      };
    }
  | {
      name: "batch_returned";
      params: {
        fullName: string;
        schoolName: string;
        batchTitle: string;
        by: string;
        how: "withdrawn" | "returned";
        reason: string | null;
        link: string;
      };
    }
  | {
      name: "organisation_status";
      params: {
        fullName: string;
        organisation: string;
        kind: "school" | "employer";
        status: "accredited" | "rejected" | "suspended";
        reason: string | null;
        date: string;
        link: string;
      };
    }
  | {
      name: "job_invitation";
      params: { fullName: string; job: string; company: string; deadline: string; date: string; link: string };
    }
  | {
      name: "application_status";
      params: {
        fullName: string;
        job: string;
        company: string;
        status: MailApplicationStatus;
        date: string;
        link: string;
      };
    }
  | {
      name: "application_received";
      params: { fullName: string; applicant: string; job: string; company: string; date: string; link: string };
    }
  | {
      name: "application_withdrawn";
      params: { fullName: string; applicant: string; job: string; company: string; date: string; link: string };
    }
  | {
      name: "job_alert_digest";
      params: {
        fullName: string;
        date: string;
        jobs: readonly { search: string; job: string; company: string; link: string }[];
        link: string;
      };
    };

export type MailApplicationStatus = "new" | "shortlisted" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";

const APPLICATION_STATUS_TEXT: Record<MailApplicationStatus, { vi: string; en: string }> = {
  new: { vi: "Mới", en: "New" },
  shortlisted: { vi: "Vào danh sách ngắn", en: "Shortlisted" },
  interview: { vi: "Phỏng vấn", en: "Interview" },
  offer: { vi: "Đề nghị tuyển dụng", en: "Offer" },
  hired: { vi: "Đã tuyển", en: "Hired" },
  rejected: { vi: "Không phù hợp", en: "Not selected" },
  withdrawn: { vi: "Đã rút hồ sơ", en: "Withdrawn" },
};

const ORGANISATION_STATUS_TEXT = {
  accredited: { vi: "đã được phê duyệt", en: "has been accredited" },
  rejected: { vi: "không được phê duyệt", en: "has been refused" },
  suspended: { vi: "đã bị tạm đình chỉ", en: "has been suspended" },
} as const;

const diplomasVi = (n: number) => `${n} văn bằng`;
const diplomasEn = (n: number) => (n === 1 ? "1 diploma" : `${n} diplomas`);

const REPORT_STATUS_TEXT = {
  received: { vi: "Đã tiếp nhận", en: "Received" },
  investigating: { vi: "Đang xác minh", en: "Under investigation" },
  closed_genuine: { vi: "Đã kết thúc: văn bằng là thật", en: "Closed: the diploma is genuine" },
  closed_fake: { vi: "Đã kết thúc: văn bằng là giả", en: "Closed: the diploma is fake" },
} as const;

/** The case kinds, statuses and news as a mail names them (the app's catalogue is not loaded here). */
const CASE_KIND_TEXT = {
  certified_copy: { vi: "Cấp bản sao từ sổ gốc", en: "Certified copy from the original register" },
  correction: { vi: "Chỉnh sửa nội dung văn bằng", en: "Correction of a diploma" },
  confirmation: { vi: "Xác nhận văn bằng", en: "Confirmation of a diploma" },
  question: { vi: "Hỏi đáp chính sách", en: "Policy question" },
  feedback: { vi: "Phản ánh", en: "Feedback" },
  petition: { vi: "Kiến nghị", en: "Petition" },
  voter_petition: { vi: "Kiến nghị cử tri", en: "Voters' petition" },
  fake_report: { vi: "Phản ánh văn bằng nghi giả", en: "Report of a suspected fake diploma" },
} as const satisfies Record<CaseKind, { vi: string; en: string }>;

const CASE_NEWS_TEXT = {
  submitted: { vi: "đã được tiếp nhận", en: "has been received" },
  accepted: { vi: "đang được xử lý", en: "is being handled" },
  forwarded: { vi: "đã được chuyển đến đơn vị có thẩm quyền", en: "was forwarded to the competent office" },
  request_info: { vi: "cần bạn bổ sung thông tin", en: "needs more information from you" },
  info_supplied: { vi: "đã được bổ sung và tiếp tục xử lý", en: "was supplemented and is handled again" },
  resolved: { vi: "đã có kết quả", en: "has a result" },
  refused: { vi: "bị từ chối", en: "was refused" },
  merged: { vi: "được gộp với hồ sơ cùng nội dung", en: "was merged with a case about the same matter" },
  withdrawn: { vi: "đã được rút", en: "was withdrawn" },
  escalated: { vi: "đã quá hạn xử lý", en: "is overdue" },
  assigned: { vi: "đã được phân công", en: "was assigned" },
} as const satisfies Record<CaseNews, { vi: string; en: string }>;

/** The last lines of a mail its recipient may turn off. */
export function mailPreferencesFooter(locale: "vi" | "en", link: string): string {
  return locale === "vi"
    ? `Bạn có thể tắt loại thư này trong mục "Thư thông báo" của tài khoản:\n${link}`
    : `You can turn this kind of mail off under "E-mail notifications" in your account:\n${link}`;
}

export interface RenderedMail {
  subject: string;
  text: string;
}

export function renderMail(template: MailTemplate, locale: "vi" | "en"): RenderedMail {
  const vi = locale === "vi";
  switch (template.name) {
    case "confirm_email":
      return vi
        ? {
            subject: "Xác nhận địa chỉ thư điện tử — Cổng Văn bằng số GDNN",
            text: `Xin chào ${template.params.fullName},\n\nVui lòng mở liên kết sau để xác nhận tài khoản của bạn (hiệu lực 48 giờ):\n${template.params.link}\n\nNếu bạn không đăng ký, hãy bỏ qua thư này.`,
          }
        : {
            subject: "Confirm your e-mail address — VET Digital Diploma Portal",
            text: `Hello ${template.params.fullName},\n\nOpen this link to confirm your account (valid for 48 hours):\n${template.params.link}\n\nIf you did not sign up, ignore this e-mail.`,
          };
    case "reset_password":
      return vi
        ? {
            subject: "Đặt lại mật khẩu — Cổng Văn bằng số GDNN",
            text: `Xin chào ${template.params.fullName},\n\nMở liên kết sau để đặt mật khẩu mới (hiệu lực 1 giờ):\n${template.params.link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.`,
          }
        : {
            subject: "Reset your password — VET Digital Diploma Portal",
            text: `Hello ${template.params.fullName},\n\nOpen this link to choose a new password (valid for 1 hour):\n${template.params.link}\n\nIf you did not ask for this, ignore this e-mail; your password stays as it is.`,
          };
    case "invitation":
      return vi
        ? {
            subject: `Lời mời tham gia ${template.params.organisation} — Cổng Văn bằng số GDNN`,
            text: `Xin chào ${template.params.fullName},\n\nBạn được mời tham gia ${template.params.organisation} với vai trò ${template.params.role}.\nMở liên kết sau để đặt mật khẩu và kích hoạt tài khoản (hiệu lực 7 ngày):\n${template.params.link}`,
          }
        : {
            subject: `Invitation to ${template.params.organisation} — VET Digital Diploma Portal`,
            text: `Hello ${template.params.fullName},\n\nYou have been invited to ${template.params.organisation} as ${template.params.role}.\nOpen this link to set your password and activate your account (valid for 7 days):\n${template.params.link}`,
          };
    case "role_granted":
      return vi
        ? {
            subject: `Bạn được cấp vai trò tại ${template.params.organisation} — Cổng Văn bằng số GDNN`,
            text: `Xin chào ${template.params.fullName},

Tài khoản của bạn vừa được cấp vai trò ${template.params.role} tại ${template.params.organisation}.
Đăng nhập bằng tài khoản hiện có để sử dụng:
${template.params.link}

Nếu bạn không mong đợi điều này, hãy liên hệ đơn vị hoặc bộ phận hỗ trợ.`,
          }
        : {
            subject: `You have a role at ${template.params.organisation} — VET Digital Diploma Portal`,
            text: `Hello ${template.params.fullName},

Your account has just been given the role ${template.params.role} at ${template.params.organisation}.
Sign in with your existing account to use it:
${template.params.link}

If you did not expect this, contact the organisation or the help desk.`,
          };
    case "fake_report_status": {
      const p = template.params;
      const status = REPORT_STATUS_TEXT[p.status];
      return vi
        ? {
            subject: `Phản ánh ${p.trackingCode}: ${status.vi} — Cổng Văn bằng số GDNN`,
            text: `Xin chào,\n\nPhản ánh văn bằng nghi giả mã ${p.trackingCode} của bạn đã chuyển sang trạng thái: ${status.vi}.${p.note ? `\nGhi chú: ${p.note}` : ""}\n\nTheo dõi phản ánh tại:\n${p.link}`,
          }
        : {
            subject: `Report ${p.trackingCode}: ${status.en} — VET Digital Diploma Portal`,
            text: `Hello,\n\nYour report of a suspected fake diploma, ${p.trackingCode}, is now: ${status.en}.${p.note ? `\nNote: ${p.note}` : ""}\n\nFollow the report at:\n${p.link}`,
          };
    }
    case "case_update": {
      const p = template.params;
      const kind = CASE_KIND_TEXT[p.kind];
      const news = CASE_NEWS_TEXT[p.news];
      const due = p.dueOn && p.news === "submitted";
      return vi
        ? {
            subject: `Hồ sơ ${p.code} ${news.vi} — Cổng Văn bằng số GDNN`,
            text: `Xin chào,\n\nHồ sơ ${p.code} (${kind.vi}) của bạn ${news.vi}.${p.note ? `\nNội dung: ${p.note}` : ""}${due ? `\nHạn giải quyết: ${day(p.dueOn)}.` : ""}\n\nTheo dõi hồ sơ bằng mã ${p.code} tại:\n${p.link}`,
          }
        : {
            subject: `Case ${p.code} ${news.en} — VET Digital Diploma Portal`,
            text: `Hello,\n\nYour case ${p.code} (${kind.en}) ${news.en}.${p.note ? `\nDetails: ${p.note}` : ""}${due ? `\nDue by: ${day(p.dueOn)}.` : ""}\n\nFollow the case with its code ${p.code} at:\n${p.link}`,
          };
    }
    case "case_staff_alert": {
      const p = template.params;
      const kind = CASE_KIND_TEXT[p.kind];
      const news = CASE_NEWS_TEXT[p.news];
      return vi
        ? {
            subject: `Hồ sơ ${p.code} ${news.vi} — Cổng Văn bằng số GDNN`,
            text: `Xin chào ${p.fullName},\n\nHồ sơ ${p.code} (${kind.vi}) ${news.vi}.${p.dueOn ? `\nHạn giải quyết: ${day(p.dueOn)}.` : ""}\n\nXem và chỉ đạo xử lý tại:\n${p.link}`,
          }
        : {
            subject: `Case ${p.code} ${news.en} — VET Digital Diploma Portal`,
            text: `Hello ${p.fullName},\n\nCase ${p.code} (${kind.en}) ${news.en}.${p.dueOn ? `\nDue by: ${day(p.dueOn)}.` : ""}\n\nSee it and direct its handling at:\n${p.link}`,
          };
    }
    case "diploma_claim_code": {
      const p = template.params;
      return vi
        ? {
            subject: `${p.replacesSerial ? "Văn bằng thay thế" : "Văn bằng"} số hiệu ${p.serial} của bạn — ${p.schoolName}`,
            text: `Xin chào ${p.fullName},

${p.schoolName} đã cấp cho bạn văn bằng số ${p.programmeName}, số hiệu ${p.serial}, ngày cấp ${p.issueDate}.${
              p.replacesSerial
                ? `\nVăn bằng này thay thế văn bằng số hiệu ${p.replacesSerial}; văn bằng cũ và mã nhận của nó không còn dùng được.`
                : ""
            }

Mã nhận văn bằng của bạn: ${p.claimCode}

Để đưa văn bằng vào tài khoản của bạn, hãy đăng nhập (hoặc đăng ký tài khoản người học) rồi mở:
${p.link}
và nhập mã nhận cùng số định danh cá nhân và ngày sinh của bạn.

Hãy giữ kín mã này: cùng số định danh và ngày sinh, nó đưa văn bằng vào một tài khoản. Nếu bạn không phải người nhận, hãy bỏ qua thư này.`,
          }
        : {
            subject: `${p.replacesSerial ? "Your replacement diploma" : "Your diploma"} ${p.serial} — ${p.schoolName}`,
            text: `Hello ${p.fullName},

${p.schoolName} has issued your digital diploma in ${p.programmeName}, serial ${p.serial}, dated ${p.issueDate}.${
              p.replacesSerial
                ? `\nIt replaces the diploma with serial ${p.replacesSerial}; the old diploma and its claim code no longer work.`
                : ""
            }

Your claim code: ${p.claimCode}

To add the diploma to your account, sign in (or create a graduate account), open
${p.link}
and enter the claim code with your personal ID number and date of birth.

Keep this code private: with your personal ID number and date of birth it adds the diploma to an account. If this is not for you, ignore this e-mail.`,
          };
    }
    case "batch_submitted": {
      const p = template.params;
      return vi
        ? {
            subject: `Lô «${p.batchTitle}» chờ Hiệu trưởng ký — ${p.schoolName}`,
            text: `Xin chào ${p.fullName},

${p.submittedBy} đã gửi lô «${p.batchTitle}» (${diplomasVi(p.count)}) của ${p.schoolName} để Hiệu trưởng rà soát và ký số.

Rà soát và ký lô tại:
${p.link}`,
          }
        : {
            subject: `Batch "${p.batchTitle}" awaits your signature — ${p.schoolName}`,
            text: `Hello ${p.fullName},

${p.submittedBy} has submitted the batch "${p.batchTitle}" (${diplomasEn(p.count)}) of ${p.schoolName} for the principal to review and sign.

Review and sign it at:
${p.link}`,
          };
    }
    case "batch_signed": {
      const p = template.params;
      const span = p.first === p.last ? p.first : `${p.first} – ${p.last}`;
      return vi
        ? {
            subject: `Lô «${p.batchTitle}» đã được ký — ${p.schoolName}`,
            text: `Xin chào ${p.fullName},

${p.signedBy} đã ký lô «${p.batchTitle}»: ${diplomasVi(p.count)}, số hiệu ${span}. Các văn bằng đã được ghi vào sổ gốc.

Xem lô và in phiếu nhận văn bằng tại:
${p.link}`,
          }
        : {
            subject: `Batch "${p.batchTitle}" has been signed — ${p.schoolName}`,
            text: `Hello ${p.fullName},

${p.signedBy} has signed the batch "${p.batchTitle}": ${diplomasEn(p.count)}, serial${p.count === 1 ? "" : "s"} ${span}. They are written into the original register.

See the batch and print the claim slips at:
${p.link}`,
          };
    }
    case "batch_returned": {
      const p = template.params;
      return vi
        ? {
            subject: `Lô «${p.batchTitle}» đã được ${p.how === "returned" ? "trả lại" : "rút về"} — ${p.schoolName}`,
            text: `Xin chào ${p.fullName},

${p.by} đã ${p.how === "returned" ? "trả lại lô" : "rút về lô"} «${p.batchTitle}» của ${p.schoolName}; lô trở lại trạng thái nháp để sửa.${p.reason ? `\nLý do: ${p.reason}` : ""}

Sửa và gửi lại lô tại:
${p.link}`,
          }
        : {
            subject: `Batch "${p.batchTitle}" was ${p.how === "returned" ? "sent back" : "withdrawn"} — ${p.schoolName}`,
            text: `Hello ${p.fullName},

${p.by} has ${p.how === "returned" ? "sent back" : "withdrawn"} the batch "${p.batchTitle}" of ${p.schoolName}; it is a draft again, to be corrected.${p.reason ? `\nReason: ${p.reason}` : ""}

Correct and resubmit it at:
${p.link}`,
          };
    }
    case "organisation_status": {
      const p = template.params;
      const status = ORGANISATION_STATUS_TEXT[p.status];
      const kindVi = p.kind === "school" ? "Cơ sở giáo dục nghề nghiệp" : "Doanh nghiệp";
      const kindEn = p.kind === "school" ? "The school" : "The employer";
      return vi
        ? {
            subject: `${p.organisation} ${status.vi} — Cổng Văn bằng số GDNN`,
            text: `Xin chào ${p.fullName},\n\n${kindVi} ${p.organisation} ${status.vi} ngày ${day(p.date)}.${p.reason ? `\nLý do: ${p.reason}` : ""}\n\nXem chi tiết tại:\n${p.link}`,
          }
        : {
            subject: `${p.organisation} ${status.en} — VET Digital Diploma Portal`,
            text: `Hello ${p.fullName},\n\n${kindEn} ${p.organisation} ${status.en} on ${day(p.date)}.${p.reason ? `\nReason: ${p.reason}` : ""}\n\nDetails:\n${p.link}`,
          };
    }
    case "job_invitation": {
      const p = template.params;
      return vi
        ? {
            subject: `${p.company} mời bạn ứng tuyển: ${p.job}`,
            text: `Xin chào ${p.fullName},\n\nNgày ${day(p.date)}, ${p.company} mời bạn ứng tuyển vị trí "${p.job}" (hạn nộp ${day(p.deadline)}).\n\nXem tin và ứng tuyển tại:\n${p.link}`,
          }
        : {
            subject: `${p.company} invites you to apply: ${p.job}`,
            text: `Hello ${p.fullName},\n\nOn ${day(p.date)}, ${p.company} invited you to apply for "${p.job}" (deadline ${day(p.deadline)}).\n\nSee the job and apply:\n${p.link}`,
          };
    }
    case "application_status": {
      const p = template.params;
      const status = APPLICATION_STATUS_TEXT[p.status];
      return vi
        ? {
            subject: `Hồ sơ ứng tuyển "${p.job}" — ${p.company}: ${status.vi}`,
            text: `Xin chào ${p.fullName},\n\nNgày ${day(p.date)}, hồ sơ ứng tuyển vị trí "${p.job}" tại ${p.company} của bạn chuyển sang: ${status.vi}.\n\nTheo dõi hồ sơ tại:\n${p.link}`,
          }
        : {
            subject: `Your application "${p.job}" — ${p.company}: ${status.en}`,
            text: `Hello ${p.fullName},\n\nOn ${day(p.date)}, your application for "${p.job}" at ${p.company} moved to: ${status.en}.\n\nFollow your applications:\n${p.link}`,
          };
    }
    case "application_received": {
      const p = template.params;
      return vi
        ? {
            subject: `Hồ sơ ứng tuyển mới: ${p.job} — ${p.applicant}`,
            text: `Xin chào ${p.fullName},\n\nNgày ${day(p.date)}, ${p.applicant} đã ứng tuyển vị trí "${p.job}" của ${p.company}.\n\nXem hồ sơ tại:\n${p.link}`,
          }
        : {
            subject: `New application: ${p.job} — ${p.applicant}`,
            text: `Hello ${p.fullName},\n\nOn ${day(p.date)}, ${p.applicant} applied for "${p.job}" at ${p.company}.\n\nSee the application:\n${p.link}`,
          };
    }
    case "application_withdrawn": {
      const p = template.params;
      return vi
        ? {
            subject: `Hồ sơ đã được rút: ${p.job} — ${p.applicant}`,
            text: `Xin chào ${p.fullName},\n\nNgày ${day(p.date)}, ${p.applicant} đã rút hồ sơ ứng tuyển vị trí "${p.job}" của ${p.company}. Hồ sơ không còn trong quy trình tuyển dụng.\n\nXem danh sách hồ sơ:\n${p.link}`,
          }
        : {
            subject: `Application withdrawn: ${p.job} — ${p.applicant}`,
            text: `Hello ${p.fullName},\n\nOn ${day(p.date)}, ${p.applicant} withdrew their application for "${p.job}" at ${p.company}. It has left the pipeline.\n\nSee the applications:\n${p.link}`,
          };
    }
    case "job_alert_digest": {
      const p = template.params;
      const lines = p.jobs
        .map((j) => `- ${j.job} — ${j.company} (${vi ? "tìm kiếm" : "search"} "${j.search}")\n  ${j.link}`)
        .join("\n");
      return vi
        ? {
            subject: `${p.jobs.length} tin tuyển dụng mới phù hợp với tìm kiếm của bạn (${day(p.date)})`,
            text: `Xin chào ${p.fullName},\n\nCác tin tuyển dụng mới phù hợp với tìm kiếm đã lưu của bạn, ngày ${day(p.date)}:\n\n${lines}\n\nXem tất cả việc làm phù hợp:\n${p.link}`,
          }
        : {
            subject: `${p.jobs.length} new jobs matching your saved searches (${day(p.date)})`,
            text: `Hello ${p.fullName},\n\nNew jobs matching your saved searches, ${day(p.date)}:\n\n${lines}\n\nSee all your matching jobs:\n${p.link}`,
          };
    }
  }
}

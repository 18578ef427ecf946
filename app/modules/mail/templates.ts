/** The text of every mail the portal sends, in both languages. Pure: no I/O. */
export type MailTemplate =
  | { name: "confirm_email"; params: { fullName: string; link: string } }
  | { name: "reset_password"; params: { fullName: string; link: string } }
  | { name: "invitation"; params: { fullName: string; link: string; organisation: string; role: string } }
  | { name: "role_granted"; params: { fullName: string; link: string; organisation: string; role: string } }
  | { name: "fake_report_status"; params: { trackingCode: string; status: "received" | "investigating" | "closed_genuine" | "closed_fake"; note: string; link: string } };

const REPORT_STATUS_TEXT = {
  received: { vi: "Đã tiếp nhận", en: "Received" },
  investigating: { vi: "Đang xác minh", en: "Under investigation" },
  closed_genuine: { vi: "Đã kết thúc: văn bằng là thật", en: "Closed: the diploma is genuine" },
  closed_fake: { vi: "Đã kết thúc: văn bằng là giả", en: "Closed: the diploma is fake" },
} as const;

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
  }
}

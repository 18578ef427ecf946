import { defineMessages } from "../define";

/**
 * The registry's first week at a real school: the order of a batch's list (the register's order), graduates'
 * e-mail, the principal's queue and sending a batch back, correction reasons, batch claim slips, replaced slips.
 */
export const registry = defineMessages(
  {
    "diplomas.order.title": "Thứ tự danh sách",
    "diplomas.order.label": "Sắp xếp danh sách",
    "diplomas.order.current": "Thứ tự hiện tại",
    "diplomas.order.import": "Theo thứ tự nhập",
    "diplomas.order.given_name": "Theo tên (tên, rồi họ và tên đệm — như danh sách lớp)",
    "diplomas.order.full_name": "Theo họ và tên",
    "diplomas.order.help":
      "Khi Hiệu trưởng ký, số hiệu và số vào sổ được cấp theo đúng thứ tự này: dòng 1 nhận số đầu tiên. Hãy chọn thứ tự của quyết định công nhận tốt nghiệp. Tên được so theo bảng chữ cái tiếng Việt (A, Ă, Â, B, C, D, Đ…).",
    "diplomas.order.apply": "Sắp xếp",
    "diplomas.order.locked": "Thứ tự đã được chốt khi lô được gửi ký.",
    "diplomas.notice.ordered": "Đã sắp xếp lại danh sách. Số văn bằng sẽ được cấp theo thứ tự mới.",
    "diplomas.notice.returned": "Đã trả lại lô cho cán bộ quản lý văn bằng.",
    "diplomas.batch.returned": "Hiệu trưởng đã trả lại lô này để sửa. Lý do:",
    "diplomas.drafts.numbers": "Số hiệu · Số vào sổ",
    "diplomas.drafts.email": "Thư điện tử",
    "diplomas.drafts.hasEmail": "Có",
    "diplomas.drafts.noEmail": "—",
    "diplomas.field.email": "Thư điện tử của người học (không bắt buộc)",
    "diplomas.form.emailHint": "Mã nhận văn bằng được gửi tới địa chỉ này khi lô được ký. Địa chỉ không xuất hiện trên văn bằng hay trang công khai nào.",
    "diplomas.validation.email": "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.com), hoặc có nhiều hơn một địa chỉ. Để trống nếu không có.",

    "issued.sign.orderTitle": "Danh sách ký, theo thứ tự vào sổ gốc",
    "issued.sign.orderIs": "Thứ tự do cán bộ quản lý văn bằng chọn:",
    "issued.sign.orderHelp": "Văn bằng được đánh số theo đúng thứ tự dưới đây: dòng 1 nhận số hiệu và số vào sổ đầu tiên.",
    "issued.sign.listMore": "Hiển thị {shown} trên {total} dòng; xem toàn bộ ở trang lô.",
    "issued.sign.col.no": "STT",
    "issued.sign.correctionTitle": "Chỉnh sửa văn bằng số hiệu {serial}",
    "issued.sign.reissueTitle": "Cấp lại văn bằng số hiệu {serial}",
    "issued.sign.correctionReason": "Lý do",
    "issued.sign.col.field": "Thông tin",
    "issued.sign.col.old": "Văn bằng hiện tại",
    "issued.sign.col.new": "Sau khi ký",
    "issued.sign.changed": "đã sửa",
    "issued.sign.noChange": "Không có thông tin nào thay đổi (cấp lại với cùng nội dung).",
    "issued.sign.claimSlipsPdf": "In tất cả phiếu nhận (PDF, mỗi người một trang)",

    "issued.return.title": "Trả lại lô để sửa",
    "issued.return.help": "Lô trở về trạng thái nháp; cán bộ đã gửi lô nhận thư kèm lý do.",
    "issued.return.reason": "Lý do trả lại",
    "issued.return.reasonRequired": "Hãy ghi lý do (ít nhất 3 ký tự) để cán bộ biết cần sửa gì.",
    "issued.return.submit": "Trả lại lô",

    "issued.correction.reason": "Lý do chỉnh sửa hoặc cấp lại",
    "issued.correction.reasonHint": "Ví dụ: sai ngày sinh so với giấy khai sinh. Lý do được ghi vào cột ghi chú của sổ gốc và lịch sử văn bằng.",
    "issued.correction.reasonRequired": "Hãy ghi lý do (5–500 ký tự).",
    "issued.correction.pendingReason": "Lý do:",

    "issued.claim.error.superseded":
      "Mã này thuộc văn bằng số hiệu {old}, đã được thay thế bằng văn bằng số hiệu {new} ({school}), nên không còn dùng được. Hãy nhập mã nhận của văn bằng mới: nhà trường gửi mã này qua thư điện tử (nếu có địa chỉ của bạn) và in trên phiếu nhận văn bằng mới. Nếu chưa nhận được, hãy liên hệ nhà trường.",
    "issued.slip.supersededTitle": "Phiếu này không còn dùng được",
    "issued.slip.superseded":
      "Văn bằng số hiệu {old} đã được thay thế bằng văn bằng số hiệu {new}. Mã nhận của văn bằng cũ không còn dùng được: người học nhận văn bằng mới bằng mã nhận của văn bằng mới.",
    "issued.slip.openReplacement": "Mở phiếu nhận của văn bằng mới",
    "issued.slip.replacementPending": "Văn bằng số hiệu {old} đã được thay thế. Mã nhận của văn bằng cũ không còn dùng được.",

    "school.overview.waitingTitle": "Lô chờ Hiệu trưởng ký",
    "school.overview.waitingNone": "Không có lô nào chờ ký.",
    "school.overview.waitingItem": "{count} văn bằng · gửi bởi {by} lúc",
    "school.overview.sign": "Rà soát và ký «{title}»",
    "school.overview.returnedTitle": "Lô bị trả lại",
  },
  {
    "diplomas.order.title": "Order of the list",
    "diplomas.order.label": "Sort the list",
    "diplomas.order.current": "Current order",
    "diplomas.order.import": "As imported",
    "diplomas.order.given_name": "By given name (then family and middle names, as Vietnamese class lists are sorted)",
    "diplomas.order.full_name": "By full name",
    "diplomas.order.help":
      "When the principal signs, serials and register numbers are given in exactly this order: row 1 gets the first number. Choose the order of the graduation decision. Names are compared in Vietnamese alphabetical order (A, Ă, Â, B, C, D, Đ…).",
    "diplomas.order.apply": "Sort",
    "diplomas.order.locked": "The order was fixed when the batch was submitted.",
    "diplomas.notice.ordered": "The list has been re-sorted. Numbers will be given in the new order.",
    "diplomas.notice.returned": "The batch has been sent back to the registrar.",
    "diplomas.batch.returned": "The principal sent this batch back to be corrected. Reason:",
    "diplomas.drafts.numbers": "Serial · Register no.",
    "diplomas.drafts.email": "E-mail",
    "diplomas.drafts.hasEmail": "Yes",
    "diplomas.drafts.noEmail": "—",
    "diplomas.field.email": "Graduate's e-mail (optional)",
    "diplomas.form.emailHint": "The claim code is mailed to this address when the batch is signed. It never appears on the diploma or any public page.",
    "diplomas.validation.email": "This e-mail address is not valid (e.g. name@example.com), or holds more than one address. Leave it empty if there is none.",

    "issued.sign.orderTitle": "The list to sign, in the register's order",
    "issued.sign.orderIs": "Order chosen by the registrar:",
    "issued.sign.orderHelp": "Diplomas are numbered in exactly the order below: row 1 gets the first serial and register number.",
    "issued.sign.listMore": "Showing {shown} of {total} rows; the whole list is on the batch page.",
    "issued.sign.col.no": "No.",
    "issued.sign.correctionTitle": "Correction of diploma {serial}",
    "issued.sign.reissueTitle": "Reissue of diploma {serial}",
    "issued.sign.correctionReason": "Reason",
    "issued.sign.col.field": "Field",
    "issued.sign.col.old": "Current diploma",
    "issued.sign.col.new": "After signing",
    "issued.sign.changed": "changed",
    "issued.sign.noChange": "Nothing changes (a reissue with the same content).",
    "issued.sign.claimSlipsPdf": "Print all claim slips (PDF, one page per graduate)",

    "issued.return.title": "Send the batch back to be corrected",
    "issued.return.help": "The batch becomes a draft again; the registrar who submitted it is mailed the reason.",
    "issued.return.reason": "Reason for sending it back",
    "issued.return.reasonRequired": "Give a reason (at least 3 characters) so the registrar knows what to correct.",
    "issued.return.submit": "Send the batch back",

    "issued.correction.reason": "Reason for the correction or reissue",
    "issued.correction.reasonHint": "For example: date of birth differs from the birth certificate. The reason goes into the register's remarks and the diploma's history.",
    "issued.correction.reasonRequired": "Give a reason (5–500 characters).",
    "issued.correction.pendingReason": "Reason:",

    "issued.claim.error.superseded":
      "This code belongs to diploma {old}, which has been replaced by diploma {new} ({school}), so it no longer works. Enter the claim code of the new diploma: the school mails it (if it has your address) and prints it on the new diploma's claim slip. If you have not received it, contact the school.",
    "issued.slip.supersededTitle": "This slip is no longer valid",
    "issued.slip.superseded":
      "Diploma {old} has been replaced by diploma {new}. The old diploma's claim code no longer works: the graduate claims the new diploma with the new diploma's claim code.",
    "issued.slip.openReplacement": "Open the new diploma's claim slip",
    "issued.slip.replacementPending": "Diploma {old} has been replaced. The old diploma's claim code no longer works.",

    "school.overview.waitingTitle": "Batches waiting for the principal's signature",
    "school.overview.waitingNone": "No batch is waiting for signature.",
    "school.overview.waitingItem": "{count, plural, one {# diploma} other {# diplomas}} · submitted by {by} at",
    "school.overview.sign": "Review and sign “{title}”",
    "school.overview.returnedTitle": "Batches sent back",
  },
);

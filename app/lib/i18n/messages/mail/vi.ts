/** Mail preferences (app/modules/mail): the categories a person may turn off. */
export const vi = {
  "mail.category.account": "Tài khoản: xác nhận, đặt lại mật khẩu, lời mời, vai trò",
  "mail.category.diploma": "Văn bằng của tôi: mã nhận, đính chính, thu hồi",
  "mail.category.organisation": "Đơn vị của tôi: công nhận, từ chối, đình chỉ",
  "mail.category.school_work": "Công việc ở trường: đợt chờ ký, đã ký, bị trả lại",
  "mail.category.jobs": "Việc làm: lời mời, trạng thái hồ sơ, hồ sơ ứng tuyển mới",
  "mail.category.job_alerts": "Thông báo việc làm theo tìm kiếm đã lưu (tóm tắt hằng ngày)",
  "mail.category.reports": "Tiến độ xử lý phản ánh văn bằng nghi giả",
  "mail.category.cases": "Hồ sơ của tôi: dịch vụ công, phản ánh, kiến nghị, hỏi đáp; hồ sơ quá hạn (cán bộ)",
};

/** Publication (app/modules/publication): the public page of an issuing school, /issuers/{code}. */
export const vi = {
  "issuer.kicker": "Cơ sở cấp văn bằng số",
  "issuer.province": "Tỉnh, thành phố",
  "issuer.type": "Loại hình",
  "issuer.status": "Trạng thái",
  "issuer.since": "từ",
  "issuer.suspendedNotice":
    "Cơ sở đang bị tạm dừng công nhận. Trong thời gian này, văn bằng số do cơ sở cấp không được xác thực là hợp lệ.",
  "issuer.did": "Định danh (DID)",
  "issuer.verify": "Cần kiểm tra một văn bằng? Quét mã QR in trên văn bằng, hoặc dùng trang",
  "issuer.machine.title": "Dữ liệu công khai để xác thực",
  "issuer.machine.intro":
    "Các tệp này dành cho phần mềm xác thực. Chữ ký trên văn bằng được kiểm tra bằng khóa công khai trong tài liệu DID của cơ sở; Bộ xác nhận cơ sở được công nhận và các khóa của cơ sở trong danh sách tin cậy có chữ ký của Bộ.",
  "issuer.machine.didDocument": "Tài liệu DID (khóa công khai của cơ sở)",
  "issuer.machine.log": "Nhật ký phát hành (chuỗi băm có chữ ký)",
  "issuer.machine.trustRegistry": "Danh sách tin cậy của Bộ",
  "issuer.statusLists.title": "Danh sách trạng thái văn bằng (W3C Bitstring Status List)",
  "issuer.statusLists.none": "Cơ sở chưa cấp văn bằng số nào.",
  "issuer.statusList.revocation": "Thu hồi — danh sách số {n}",
  "issuer.statusList.suspension": "Đình chỉ — danh sách số {n}",
};

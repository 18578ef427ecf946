/** Verification (app/modules/verification): /verify and its ways in, and /v/{payload}, the verdict of one QR code. */
export const vi = {
  "verify.title": "Xác thực văn bằng",
  "verify.intro": "Quét mã QR trên văn bằng bằng camera điện thoại, hoặc dán đường liên kết in trên văn bằng.",
  "verify.paste.label": "Dán đường liên kết hoặc nội dung mã QR",
  "verify.paste.hint": "Ví dụ: https://…/V/AHFLAD…",
  "verify.paste.submit": "Kiểm tra",
  "verify.upload.label": "Tải lên ảnh chụp mã QR",
  "verify.upload.hint": "Ảnh chụp hoặc bản quét văn bằng, rõ nét, thấy trọn mã QR.",
  "verify.upload.reading": "Đang đọc mã QR trong ảnh…",
  "verify.upload.noQr": "Không tìm thấy mã QR trong ảnh. Hãy chụp lại gần hơn, đủ sáng và thấy trọn mã.",
  "verify.upload.unreadable": "Không mở được tệp ảnh này.",
  "verify.camera.start": "Quét bằng camera",
  "verify.camera.stop": "Dừng quét",
  "verify.camera.scanning": "Đưa mã QR vào khung hình…",
  "verify.camera.denied":
    "Không dùng được camera (chưa cho phép hoặc thiết bị không có camera). Hãy tải ảnh lên thay thế.",
  "verify.camera.video": "Hình ảnh từ camera",
  "verify.malformed": "Đây không phải mã QR văn bằng của Cổng Văn bằng số GDNN, hoặc mã bị hỏng, thiếu ký tự.",
  "verify.empty": "Vui lòng dán đường liên kết hoặc nội dung mã QR.",
  "verify.verdict.valid": "Văn bằng hợp lệ",
  "verify.verdict.revoked": "Văn bằng đã bị thu hồi",
  "verify.verdict.suspended": "Văn bằng đang bị đình chỉ",
  "verify.verdict.superseded": "Văn bằng đã được thay thế",
  "verify.verdict.invalid_signature": "Chữ ký không hợp lệ — văn bằng bị sửa đổi hoặc giả mạo",
  "verify.verdict.unknown_issuer": "Không rõ đơn vị cấp",
  "verify.verdict.key_not_valid": "Khóa ký không còn hiệu lực",
  "verify.verdict.malformed": "Mã QR không đọc được",
  "verify.verdict.status_unknown": "Chưa kiểm tra được tình trạng",
  "verify.explain.valid": "Chữ ký số của nhà trường đúng và văn bằng đang có hiệu lực.",
  "verify.explain.revoked": "Nhà trường đã thu hồi văn bằng này. Văn bằng không còn giá trị.",
  "verify.explain.suspended": "Văn bằng tạm thời không có giá trị trong thời gian nhà trường xác minh.",
  "verify.explain.superseded":
    "Văn bằng này đã được thay thế bằng một văn bằng khác (cấp lại hoặc chỉnh sửa) và không còn giá trị.",
  "verify.explain.invalid_signature": "Nội dung mã QR không khớp với chữ ký của nhà trường: mã đã bị sửa hoặc làm giả.",
  "verify.explain.unknown_issuer": "Đơn vị cấp không có trong danh sách cơ sở đào tạo được Bộ công nhận.",
  "verify.explain.key_not_valid": "Khóa dùng để ký đã hết hiệu lực hoặc bị lộ trước ngày cấp văn bằng.",
  "verify.explain.malformed": "Đây không phải mã QR văn bằng của Cổng Văn bằng số GDNN, hoặc mã bị hỏng, thiếu ký tự.",
  "verify.explain.status_unknown":
    "Chữ ký đúng nhưng chưa kiểm tra được văn bằng còn hiệu lực hay không. Đừng coi là hợp lệ.",
  "verify.file.verdict.malformed": "Tệp văn bằng số không đọc được",
  "verify.file.explain.malformed":
    "Tệp này không phải văn bằng số của Cổng Văn bằng số GDNN, hoặc tệp bị hỏng, thiếu nội dung.",
  "verify.file.explain.invalid_signature":
    "Nội dung tệp văn bằng số không khớp với chữ ký của nhà trường: tệp đã bị sửa hoặc làm giả.",
  "verify.changedOn": "Ngày thay đổi: {date}",
  "verify.statusReason": "Lý do: {reason}",
  "verify.reasons": "Chi tiết",
  "verify.field.holder": "Họ và tên",
  "verify.field.truncated": "rút gọn",
  "verify.field.truncatedLabel": "Tên đã được rút gọn cho vừa mã QR",
  "verify.field.programme": "Ngành, nghề",
  "verify.field.level": "Trình độ",
  "verify.field.classification": "Xếp loại",
  "verify.field.graduationYear": "Năm tốt nghiệp",
  "verify.field.school": "Cơ sở đào tạo",
  "verify.field.serial": "Số hiệu",
  "verify.field.issueDate": "Ngày cấp",
  "verify.minimal": "Thông tin tối thiểu trên mã QR",
  "verify.minimal.file": "Thông tin trên tệp văn bằng số",
  "verify.fullDiploma": "Xem toàn văn văn bằng",
  "verify.currentDiploma": "Xem văn bằng hiện hành",
  "verify.report": "Báo cáo nghi ngờ văn bằng giả",
  "verify.again": "Kiểm tra văn bằng khác",
  "verify.local.title": "Kiểm tra trên thiết bị của bạn",
  "verify.local.summary.checking": "Đang kiểm tra độc lập trên thiết bị của bạn…",
  "verify.local.summary.agrees": "Đã kiểm tra độc lập trên thiết bị của bạn ✓",
  "verify.local.summary.unconfirmed": "Chưa xác nhận độc lập được trên thiết bị của bạn",
  "verify.local.summary.more": "Chi tiết",
  "verify.local.status.superseded":
    "Tình trạng đã được kiểm tra trên thiết bị của bạn: văn bằng không còn giá trị (theo danh sách trạng thái có chữ ký của nhà trường); máy chủ cho biết văn bằng đã được thay thế.",
  "verify.receipt.title": "Biên nhận xác thực",
  "verify.receipt.pdf": "Tải biên nhận xác thực (PDF)",
  "verify.receipt.json": "JSON",
  "verify.receipt.hint":
    "Ghi lại kết quả máy chủ kiểm tra vào lúc tải về: kết luận, thời điểm, số hiệu, đơn vị cấp và các bước đã kiểm tra.",
  "verify.local.checking": "Đang kiểm tra chữ ký trên thiết bị của bạn…",
  "verify.local.passed": "Chữ ký đã được kiểm tra trên thiết bị của bạn: đúng chữ ký của nhà trường.",
  "verify.local.failed": "Chữ ký đã được kiểm tra trên thiết bị của bạn: KHÔNG đúng chữ ký của nhà trường.",
  "verify.local.unknownIssuer":
    "Trên thiết bị của bạn: không tìm thấy nhà trường hoặc khóa ký trong danh sách tin cậy.",
  "verify.local.keyNotValid": "Trên thiết bị của bạn: chữ ký đúng, nhưng khóa ký không còn hiệu lực vào ngày cấp.",
  "verify.local.malformed": "Trên thiết bị của bạn: mã QR không đọc được.",
  "verify.local.unavailable":
    "Không chạy được bước kiểm tra chữ ký trên thiết bị của bạn (không tải được danh sách tin cậy).",
  "verify.local.registryUnverified":
    "Trên thiết bị của bạn: danh sách tin cậy nhận được KHÔNG đúng chữ ký của Bộ nên không được dùng.",
  "verify.local.status.clear":
    "Tình trạng đã được kiểm tra trên thiết bị của bạn: văn bằng không bị thu hồi hay đình chỉ (theo danh sách trạng thái có chữ ký của nhà trường).",
  "verify.local.status.revoked":
    "Tình trạng đã được kiểm tra trên thiết bị của bạn: văn bằng ĐÃ BỊ THU HỒI (theo danh sách trạng thái có chữ ký của nhà trường).",
  "verify.local.status.suspended":
    "Tình trạng đã được kiểm tra trên thiết bị của bạn: văn bằng ĐANG BỊ ĐÌNH CHỈ (theo danh sách trạng thái có chữ ký của nhà trường).",
  "verify.local.status.unavailable":
    "Trên thiết bị của bạn: không tải được danh sách trạng thái của nhà trường, nên chưa kiểm tra được tình trạng.",
  "verify.local.status.unverified":
    "Trên thiết bị của bạn: danh sách trạng thái nhận được KHÔNG đúng chữ ký của nhà trường, nên chưa kiểm tra được tình trạng.",
  "verify.local.status.registryStale":
    "Trên thiết bị của bạn: danh sách tin cậy đã quá hạn, nên chưa kiểm tra được tình trạng.",
  "verify.local.agrees": "Kết quả kiểm tra trên thiết bị của bạn khớp với kết quả của máy chủ.",
  "verify.local.unconfirmed":
    "Chưa xác nhận độc lập được kết quả này trên thiết bị của bạn (kết quả trên thiết bị: «{verdict}»).",
  "verify.local.disagrees":
    "Kiểm tra độc lập trên thiết bị của bạn KHÔNG khớp với kết quả của máy chủ: trên thiết bị, kết quả là «{verdict}». Đừng dựa vào kết quả ở trên; hãy liên hệ nhà trường hoặc thử lại sau.",
  "verify.local.note":
    "Trình duyệt của bạn tự kiểm tra chữ ký của Bộ trên danh sách tin cậy, chữ ký của nhà trường trên mã QR và trên danh sách trạng thái.",
  "verify.report.title": "Báo cáo nghi ngờ văn bằng giả",
  "verify.report.soon":
    "Chức năng này sẽ sớm ra mắt. Trong lúc chờ, vui lòng liên hệ nhà trường hoặc Cục Giáo dục nghề nghiệp.",
  "verify.credential.label": "Tải lên tệp văn bằng số (JSON)",
  "verify.credential.hint":
    "Tệp vc.json người tốt nghiệp nhận được; có thể kéo thả tệp vào đây. Toàn bộ văn bằng và chữ ký số được kiểm tra.",
  "verify.credential.drop": "Thả tệp văn bằng số (JSON) vào đây",
  "verify.credential.checking": "Đang kiểm tra tệp văn bằng số…",
  "verify.credential.malformed":
    "Tệp này không phải văn bằng số dạng JSON hợp lệ (tệp hỏng, quá lớn hoặc sai định dạng).",
  "verify.credential.failed": "Không kiểm tra được tệp lúc này. Vui lòng thử lại sau.",
  "verify.credential.tooMany": "Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.",
  "verify.lookup.title": "Tra cứu theo số hiệu và họ tên",
  "verify.lookup.serial": "Số hiệu văn bằng",
  "verify.lookup.name": "Họ và tên người học",
  "verify.lookup.submit": "Tra cứu",
  "verify.lookup.notFound":
    "Không tìm thấy văn bằng khớp với số hiệu và họ tên đã nhập. Hãy kiểm tra lại đúng như in trên văn bằng.",
  "verify.lookup.empty": "Vui lòng nhập cả số hiệu và họ tên.",
  "verify.lookup.tooMany": "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau.",
  "verify.offline.unavailable":
    "Đang ngoại tuyến và chưa có danh sách tin cậy trên thiết bị: không kiểm tra được chữ ký. Hãy thử lại khi có mạng.",
  "verify.offline.registryUnverified":
    "Danh sách tin cậy trên thiết bị không đúng chữ ký của Bộ: không kiểm tra được chữ ký. Hãy thử lại khi có mạng.",
};

/** The home page (no module: the public landing page). */
export const vi = {
  "home.hero.title": "Văn bằng nghề nghiệp số — tin cậy, tra cứu tức thì",
  "home.hero.body":
    "Các cơ sở giáo dục nghề nghiệp cấp văn bằng có chữ ký số và mã QR. Bất kỳ ai cũng có thể quét mã để biết văn bằng là thật, do ai cấp và còn hiệu lực hay không — không cần tài khoản.",
  "home.hero.verify": "Xác thực văn bằng",
  "home.hero.signUp": "Tạo tài khoản",
  "home.audiences": "Cổng dành cho ai?",
  "home.school.title": "Cơ sở giáo dục nghề nghiệp",
  "home.school.body":
    "Trường cao đẳng, trung cấp, trung tâm GDNN và trường trung học nghề: lập danh sách tốt nghiệp, ký số văn bằng theo quy trình hai người, quản lý sổ gốc, thu hồi và chỉnh sửa có lưu vết.",
  "home.employer.title": "Doanh nghiệp",
  "home.employer.body":
    "Đăng tin tuyển dụng, xác thực văn bằng của ứng viên trong một giây và tìm người tốt nghiệp phù hợp đã đồng ý cho nhà tuyển dụng liên hệ.",
  "home.graduate.title": "Người học",
  "home.graduate.body":
    "Nhận văn bằng số vào tài khoản, chia sẻ bằng đường liên kết hoặc mã QR, gửi yêu cầu chỉnh sửa, cấp lại, cấp bản sao, và xem việc làm phù hợp với ngành học.",
  "home.verifier.title": "Người cần xác thực văn bằng",
  "home.verifier.body":
    "Quét mã QR trên văn bằng giấy hoặc điện tử bằng camera điện thoại. Chữ ký được kiểm tra ngay trên trình duyệt của bạn, kể cả khi không có mạng.",
  "home.ministry.title": "Cơ quan quản lý",
  "home.ministry.body":
    "Bộ công nhận cơ sở đào tạo và doanh nghiệp, công bố danh sách tin cậy các đơn vị cấp văn bằng, quản lý danh mục ngành nghề và theo dõi thống kê toàn quốc.",
  "home.trust.title": "Vì sao có thể tin cậy?",
  "home.trust.signature":
    "Mỗi văn bằng được ký số Ed25519 bằng khóa của chính nhà trường; khóa bí mật được mã hóa và không bao giờ rời máy chủ.",
  "home.trust.registry": "Danh sách tin cậy do Bộ ký xác định trường nào được phép cấp văn bằng.",
  "home.trust.register": "Sổ gốc điện tử chỉ ghi thêm; mọi chỉnh sửa, thu hồi đều lưu vết và có thể kiểm chứng.",
  "home.trust.privacy":
    "Trang xác thực công khai chỉ hiển thị thông tin tối thiểu, không bao giờ hiển thị số định danh cá nhân.",
  "home.demo.title": "Tài khoản trình diễn",
  "home.demo.body": "Máy chủ đang chạy ở chế độ trình diễn. Mọi tài khoản dưới đây dùng chung mật khẩu:",
  "home.demo.account": "Tài khoản",
  "home.demo.role": "Vai trò",
  "home.demo.organisation": "Đơn vị",
  "home.demo.outbox": "Thư gửi đi (xác nhận, đặt lại mật khẩu) xem tại Hộp thư demo.",
};

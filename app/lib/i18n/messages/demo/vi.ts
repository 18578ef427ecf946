/** Demo mode (app/modules/demo). */
export const vi = {
  "demo.banner": "Chế độ trình diễn: dữ liệu mẫu, thư điện tử không được gửi đi thật.",
};

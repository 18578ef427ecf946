import { defineMessages } from "../define";

/** More ways in on /verify: the credential JSON file, and the lookup by serial number and full name. */
export const verifyWays = defineMessages(
  {
    "verify.credential.label": "Tải lên tệp văn bằng số (JSON)",
    "verify.credential.hint": "Tệp vc.json người tốt nghiệp nhận được; có thể kéo thả tệp vào đây. Toàn bộ văn bằng và chữ ký số được kiểm tra.",
    "verify.credential.drop": "Thả tệp văn bằng số (JSON) vào đây",
    "verify.credential.checking": "Đang kiểm tra tệp văn bằng số…",
    "verify.credential.malformed": "Tệp này không phải văn bằng số dạng JSON hợp lệ (tệp hỏng, quá lớn hoặc sai định dạng).",
    "verify.credential.failed": "Không kiểm tra được tệp lúc này. Vui lòng thử lại sau.",
    "verify.credential.tooMany": "Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.",
    "verify.lookup.title": "Tra cứu theo số hiệu và họ tên",
    "verify.lookup.serial": "Số hiệu văn bằng",
    "verify.lookup.name": "Họ và tên người học",
    "verify.lookup.submit": "Tra cứu",
    "verify.lookup.notFound": "Không tìm thấy văn bằng khớp với số hiệu và họ tên đã nhập. Hãy kiểm tra lại đúng như in trên văn bằng.",
    "verify.lookup.empty": "Vui lòng nhập cả số hiệu và họ tên.",
    "verify.lookup.tooMany": "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau.",
    "verify.offline.unavailable": "Đang ngoại tuyến và chưa có danh sách tin cậy trên thiết bị: không kiểm tra được chữ ký. Hãy thử lại khi có mạng.",
  },
  {
    "verify.credential.label": "Upload the digital diploma file (JSON)",
    "verify.credential.hint": "The vc.json file the graduate received; you may drop it here. The whole diploma and its digital signature are checked.",
    "verify.credential.drop": "Drop the digital diploma file (JSON) here",
    "verify.credential.checking": "Checking the digital diploma file…",
    "verify.credential.malformed": "This file is not a valid digital diploma in JSON (damaged, too large or of the wrong format).",
    "verify.credential.failed": "The file could not be checked right now. Please try again later.",
    "verify.credential.tooMany": "Too many requests. Please try again in a few minutes.",
    "verify.lookup.title": "Look up by serial number and full name",
    "verify.lookup.serial": "Diploma serial number",
    "verify.lookup.name": "Holder's full name",
    "verify.lookup.submit": "Look up",
    "verify.lookup.notFound": "No diploma matches this serial number and full name. Please check them exactly as printed on the diploma.",
    "verify.lookup.empty": "Please enter both the serial number and the full name.",
    "verify.lookup.tooMany": "You have looked up too many times. Please try again later.",
    "verify.offline.unavailable": "You are offline and the trust registry is not on this device: the signature cannot be checked. Please try again when online.",
  },
);

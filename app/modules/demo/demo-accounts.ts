import type { Role, SchoolType } from "../../../db/schema/accounts";

/** The demo data set: shown on the home page in demo mode, created by `npm run seed`. Never used outside demo mode. */
export const DEMO_PASSWORD = "vanbang-demo-2026";

export interface DemoOrganisation {
  kind: "school" | "employer";
  code: string;
  name: string;
  nameEn: string;
  provinceCode: string;
  schoolType?: SchoolType;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    kind: "school",
    code: "CDCNHN",
    name: "Trường Cao đẳng Công nghệ Hà Nội",
    nameEn: "Hanoi College of Technology",
    provinceCode: "01",
    schoolType: "cao_dang",
  },
  {
    kind: "school",
    code: "TCKTDN",
    name: "Trường Trung cấp Kinh tế Đà Nẵng",
    nameEn: "Da Nang Intermediate School of Economics",
    provinceCode: "48",
    schoolType: "trung_cap",
  },
  {
    kind: "employer",
    code: "0101234567",
    name: "Công ty TNHH Cơ điện Việt",
    nameEn: "Viet Mechanical & Electrical Co., Ltd.",
    provinceCode: "01",
  },
];

export interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  organisationCode?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@moet.gov.vn", fullName: "Phạm Quốc Bảo", role: "ministry_admin" },
  { email: "quantri@cdcnhn.edu.vn", fullName: "Nguyễn Thị Hoa", role: "school_admin", organisationCode: "CDCNHN" },
  { email: "vanbang@cdcnhn.edu.vn", fullName: "Trần Văn Đức", role: "school_registrar", organisationCode: "CDCNHN" },
  { email: "hieutruong@cdcnhn.edu.vn", fullName: "Lê Minh Tuấn", role: "school_principal", organisationCode: "CDCNHN" },
  { email: "quantri@tcktdn.edu.vn", fullName: "Võ Thị Lan", role: "school_admin", organisationCode: "TCKTDN" },
  { email: "vanbang@tcktdn.edu.vn", fullName: "Hoàng Văn Nam", role: "school_registrar", organisationCode: "TCKTDN" },
  { email: "hieutruong@tcktdn.edu.vn", fullName: "Đặng Thị Mai", role: "school_principal", organisationCode: "TCKTDN" },
  {
    email: "tuyendung@codienviet.vn",
    fullName: "Bùi Thanh Sơn",
    role: "employer_member",
    organisationCode: "0101234567",
  },
  { email: "an.nguyen@example.vn", fullName: "Nguyễn Văn An", role: "graduate" },
  { email: "binh.tran@example.vn", fullName: "Trần Thị Bình", role: "graduate" },
  { email: "chau.le@example.vn", fullName: "Lê Minh Châu", role: "graduate" },
];

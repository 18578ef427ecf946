import type { English } from "../../define";
import type { vi } from "./vi";

export const en: English<typeof vi> = {
  "demo.banner": "Demo mode: sample data, e-mails are not really sent.",
};

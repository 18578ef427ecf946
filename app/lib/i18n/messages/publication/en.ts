import type { English } from "../../define";
import type { vi } from "./vi";

export const en: English<typeof vi> = {
  "issuer.kicker": "Issuer of digital diplomas",
  "issuer.province": "Province",
  "issuer.type": "Type",
  "issuer.status": "Status",
  "issuer.since": "since",
  "issuer.suspendedNotice":
    "The school's accreditation is suspended. Meanwhile, digital diplomas it issued do not verify as valid.",
  "issuer.did": "Identifier (DID)",
  "issuer.verify": "Need to check a diploma? Scan the QR code printed on it, or use the page",
  "issuer.machine.title": "Public data for verification",
  "issuer.machine.intro":
    "These files are for verification software. A diploma's signature is checked with the public key in the school's DID document; the ministry's signed trust registry confirms that the school is accredited and which keys are its own.",
  "issuer.machine.didDocument": "DID document (the school's public keys)",
  "issuer.machine.log": "Issuance log (signed hash chain)",
  "issuer.machine.trustRegistry": "The ministry's trust registry",
  "issuer.statusLists.title": "Diploma status lists (W3C Bitstring Status List)",
  "issuer.statusLists.none": "The school has not issued any digital diploma yet.",
  "issuer.statusList.revocation": "Revocation — list {n}",
  "issuer.statusList.suspension": "Suspension — list {n}",
};

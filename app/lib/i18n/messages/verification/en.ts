import type { English } from "../../define";
import type { vi } from "./vi";

export const en: English<typeof vi> = {
  "verify.title": "Verify a diploma",
  "verify.intro": "Scan the QR code on the diploma with a phone camera, or paste the link printed on it.",
  "verify.paste.label": "Paste the link or the QR code's text",
  "verify.paste.hint": "For example: https://…/V/AHFLAD…",
  "verify.paste.submit": "Check",
  "verify.upload.label": "Upload a photo of the QR code",
  "verify.upload.hint": "A sharp photo or scan of the diploma showing the whole QR code.",
  "verify.upload.reading": "Reading the QR code in the image…",
  "verify.upload.noQr":
    "No QR code found in the image. Take the photo closer, in good light, with the whole code visible.",
  "verify.upload.unreadable": "This image file could not be opened.",
  "verify.camera.start": "Scan with the camera",
  "verify.camera.stop": "Stop scanning",
  "verify.camera.scanning": "Hold the QR code in the frame…",
  "verify.camera.denied": "The camera cannot be used (not allowed, or no camera). Upload a photo instead.",
  "verify.camera.video": "Camera image",
  "verify.malformed":
    "This is not a diploma QR code of the Vocational Diploma Portal, or the code is damaged or incomplete.",
  "verify.empty": "Please paste the link or the QR code's text.",
  "verify.verdict.valid": "Valid diploma",
  "verify.verdict.revoked": "This diploma has been revoked",
  "verify.verdict.suspended": "This diploma is suspended",
  "verify.verdict.superseded": "This diploma has been superseded",
  "verify.verdict.invalid_signature": "Invalid signature — the diploma was altered or forged",
  "verify.verdict.unknown_issuer": "Unknown issuer",
  "verify.verdict.key_not_valid": "The signing key was not valid",
  "verify.verdict.malformed": "The QR code cannot be read",
  "verify.verdict.status_unknown": "Status could not be checked",
  "verify.explain.valid": "The school's digital signature is correct and the diploma is in force.",
  "verify.explain.revoked": "The school has revoked this diploma. It is no longer valid.",
  "verify.explain.suspended": "The diploma is not valid while the school investigates.",
  "verify.explain.superseded":
    "It has been superseded by another diploma (reissued or corrected) and is no longer valid.",
  "verify.explain.invalid_signature":
    "The QR code's content does not match the school's signature: it was altered or forged.",
  "verify.explain.unknown_issuer": "The issuer is not on the ministry's list of accredited schools.",
  "verify.explain.key_not_valid": "The signing key had been retired or compromised before the issue date.",
  "verify.explain.malformed":
    "This is not a diploma QR code of the Vocational Diploma Portal, or the code is damaged or incomplete.",
  "verify.explain.status_unknown":
    "The signature is correct, but whether the diploma is still in force could not be checked. Do not treat it as valid.",
  "verify.file.verdict.malformed": "The digital diploma file cannot be read",
  "verify.file.explain.malformed":
    "This file is not a digital diploma of the Vocational Diploma Portal, or it is damaged or incomplete.",
  "verify.file.explain.invalid_signature":
    "The digital diploma file does not match the school's signature: it was altered or forged.",
  "verify.changedOn": "Changed on: {date}",
  "verify.statusReason": "Reason: {reason}",
  "verify.reasons": "Details",
  "verify.field.holder": "Full name",
  "verify.field.truncated": "shortened",
  "verify.field.truncatedLabel": "The name was shortened to fit the QR code",
  "verify.field.programme": "Programme",
  "verify.field.level": "Level",
  "verify.field.classification": "Classification",
  "verify.field.graduationYear": "Graduation year",
  "verify.field.school": "School",
  "verify.field.serial": "Serial number",
  "verify.field.issueDate": "Issue date",
  "verify.minimal": "The minimum the QR code carries",
  "verify.minimal.file": "What the digital diploma file says",
  "verify.fullDiploma": "View the full diploma",
  "verify.currentDiploma": "View the current diploma",
  "verify.report": "Report a suspected fake",
  "verify.again": "Check another diploma",
  "verify.local.title": "Checked on your device",
  "verify.local.summary.checking": "Checking independently on your device…",
  "verify.local.summary.agrees": "Independently checked on your device ✓",
  "verify.local.summary.unconfirmed": "Not yet confirmed independently on your device",
  "verify.local.summary.more": "Details",
  "verify.local.status.superseded":
    "The status was checked on your device: the diploma is no longer valid (by the school's signed status list); the server says it has been superseded.",
  "verify.receipt.title": "Verification receipt",
  "verify.receipt.pdf": "Download a verification receipt (PDF)",
  "verify.receipt.json": "JSON",
  "verify.receipt.hint":
    "Records what the server checked when you download it: the verdict, the time, the serial number, the issuer and the checks made.",
  "verify.local.checking": "Checking the signature on your device…",
  "verify.local.passed": "The signature was checked on your device: it is the school's signature.",
  "verify.local.failed": "The signature was checked on your device: it is NOT the school's signature.",
  "verify.local.unknownIssuer": "On your device: the school or its signing key is not in the trust registry.",
  "verify.local.keyNotValid":
    "On your device: the signature is correct, but the signing key was not valid on the issue date.",
  "verify.local.malformed": "On your device: the QR code cannot be read.",
  "verify.local.unavailable":
    "The signature check on your device could not run (the trust registry could not be loaded).",
  "verify.local.registryUnverified":
    "On your device: the trust registry received does NOT carry the ministry's signature, so it was not used.",
  "verify.local.status.clear":
    "The status was checked on your device: the diploma is neither revoked nor suspended (by the school's signed status list).",
  "verify.local.status.revoked":
    "The status was checked on your device: the diploma IS REVOKED (by the school's signed status list).",
  "verify.local.status.suspended":
    "The status was checked on your device: the diploma IS SUSPENDED (by the school's signed status list).",
  "verify.local.status.unavailable":
    "On your device: the school's status list could not be loaded, so the status is not checked.",
  "verify.local.status.unverified":
    "On your device: the status list received does NOT carry the school's signature, so the status is not checked.",
  "verify.local.status.registryStale":
    "On your device: the trust registry is out of date, so the status is not checked.",
  "verify.local.agrees": "The check on your device agrees with the server's result.",
  "verify.local.unconfirmed":
    "This result could not be confirmed independently on your device (result on your device: “{verdict}”).",
  "verify.local.disagrees":
    "The independent check on your device does NOT agree with the server's result: on your device the result is “{verdict}”. Do not rely on the result above; contact the school or try again later.",
  "verify.local.note":
    "Your browser itself checks the ministry's signature on the trust registry, and the school's signature on the QR code and on the status list.",
  "verify.report.title": "Report a suspected fake diploma",
  "verify.report.soon": "Coming soon. Meanwhile, please contact the school or the Directorate of Vocational Education.",
  "verify.credential.label": "Upload the digital diploma file (JSON)",
  "verify.credential.hint":
    "The vc.json file the graduate received; you may drop it here. The whole diploma and its digital signature are checked.",
  "verify.credential.drop": "Drop the digital diploma file (JSON) here",
  "verify.credential.checking": "Checking the digital diploma file…",
  "verify.credential.malformed":
    "This file is not a valid digital diploma in JSON (damaged, too large or of the wrong format).",
  "verify.credential.failed": "The file could not be checked right now. Please try again later.",
  "verify.credential.tooMany": "Too many requests. Please try again in a few minutes.",
  "verify.lookup.title": "Look up by serial number and full name",
  "verify.lookup.serial": "Diploma serial number",
  "verify.lookup.name": "Holder's full name",
  "verify.lookup.submit": "Look up",
  "verify.lookup.notFound":
    "No diploma matches this serial number and full name. Please check them exactly as printed on the diploma.",
  "verify.lookup.empty": "Please enter both the serial number and the full name.",
  "verify.lookup.tooMany": "You have looked up too many times. Please try again later.",
  "verify.offline.unavailable":
    "You are offline and the trust registry is not on this device: the signature cannot be checked. Please try again when online.",
  "verify.offline.registryUnverified":
    "The trust registry on this device does not carry the ministry's signature: the signature cannot be checked. Please try again when online.",
};

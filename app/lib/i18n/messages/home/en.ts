import type { English } from "../../define";
import type { vi } from "./vi";

export const en: English<typeof vi> = {
  "home.hero.title": "Digital vocational diplomas — trusted, checked in an instant",
  "home.hero.body":
    "Vocational schools issue digitally signed diplomas with a QR code. Anyone can scan it to learn whether the diploma is genuine, who issued it and whether it still stands — no account needed.",
  "home.hero.verify": "Verify a diploma",
  "home.hero.signUp": "Create an account",
  "home.audiences": "Who is the portal for?",
  "home.school.title": "Vocational schools",
  "home.school.body":
    "Colleges, intermediate schools, vocational centres and vocational upper secondary schools: prepare graduation lists, sign diplomas under a two-person rule, keep the original register, revoke and correct with a full history.",
  "home.employer.title": "Employers",
  "home.employer.body":
    "Post jobs, verify a candidate's diploma in a second, and find matching graduates who agreed to be contacted.",
  "home.graduate.title": "Graduates",
  "home.graduate.body":
    "Receive your digital diploma in your account, share it by link or QR code, request a correction, reissue or certified copy, and see jobs that fit your training.",
  "home.verifier.title": "Anyone verifying a diploma",
  "home.verifier.body":
    "Scan the QR code on a paper or digital diploma with a phone camera. The signature is checked in your own browser, even offline.",
  "home.ministry.title": "The ministry",
  "home.ministry.body":
    "The ministry accredits schools and employers, publishes the signed trust registry of diploma issuers, manages the programme catalogue and follows national statistics.",
  "home.trust.title": "Why can it be trusted?",
  "home.trust.signature":
    "Each diploma is signed with Ed25519 by the school's own key; private keys are encrypted and never leave the server.",
  "home.trust.registry": "A trust registry signed by the ministry says which schools may issue diplomas.",
  "home.trust.register":
    "The digital original register is append-only; every correction and revocation is recorded and verifiable.",
  "home.trust.privacy": "The public verification page shows the minimum and never the personal ID number.",
  "home.demo.title": "Demo accounts",
  "home.demo.body": "This server runs in demo mode. All accounts below share the password:",
  "home.demo.account": "Account",
  "home.demo.role": "Role",
  "home.demo.organisation": "Organisation",
  "home.demo.outbox": "Mail sent (confirmations, password resets) can be read in the demo mailbox.",
};

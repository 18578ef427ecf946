/**
 * `npx tsx scripts/bench-signing.ts [N]`: milliseconds per diploma credential, generic pipeline against the fast
 * path, each over N credentials (500 by default), with @noble/ed25519 and with Node's built-in Ed25519.
 * Indicative numbers for development; the issuance benchmark measures the whole signing transaction.
 */
import { randomUUID } from "node:crypto";
import { signFast, signGeneric, type BenchmarkKey } from "~/modules/credentials/benchmark-signing";
import { canonicalDiplomaNQuads } from "~/modules/credentials/diploma-canonical";
import { buildDiplomaCredential, type DiplomaCredentialInput } from "~/modules/credentials/diploma-credential";
import { canonicalizeJsonLd } from "~/modules/credentials/eddsa-rdfc-2022";
import { nodeSigner } from "~/modules/credentials/node-signer.server";
import { generatePrivateKey } from "~/modules/signing/ed25519";

const N = Number(process.argv[2] ?? 500);
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const GIVEN = ["Văn An", "Thị Bình", "Đức Cường", "Thị Hương", "Minh Khoa", "Ngọc Lan", "Quốc Việt", "Thị Yến"];

function diploma(i: number): DiplomaCredentialInput {
  return {
    id: `urn:uuid:${randomUUID()}`,
    issuer: {
      id: "did:web:vanbang.gov.vn:issuers:CDCNHN",
      name: "Trường Cao đẳng Công nghệ Hà Nội",
      url: "https://cdcnhn.edu.vn",
    },
    title: "Bằng tốt nghiệp cao đẳng",
    issueDate: "2025-07-01",
    graduate: {
      id: `urn:uuid:${randomUUID()}`,
      fullName: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      dateOfBirth: `200${i % 6}-0${1 + (i % 9)}-1${i % 10}`,
      placeOfBirth: "Nam Định",
      gender: i % 2 ? "nam" : "nu",
      ethnicity: "Kinh",
    },
    achievement: {
      id: "https://vanbang.gov.vn/achievements/CDCNHN/6480201",
      programmeCode: "6480201",
      programmeName: "Công nghệ thông tin",
      trainingLevel: "Cao đẳng",
      fieldOfStudy: "Máy tính và công nghệ thông tin",
    },
    award: {
      modeOfStudy: "chinh_quy",
      classification: "kha",
      honorificTitle: "Kỹ sư thực hành",
      graduationDate: "2025-06-20",
      graduationDecisionNumber: "245/QĐ-CĐCN",
    },
    register: {
      serialNumber: `CĐ-2025-${String(i).padStart(6, "0")}`,
      registerNumber: i + 1,
      registerYear: 2025,
      issuePlace: "Hà Nội",
      signerName: "Trần Văn Bình",
      signerTitle: "Hiệu trưởng",
    },
    status: {
      revocation: {
        statusListCredential: "https://vanbang.gov.vn/status/CDCNHN/revocation/1",
        statusListIndex: (i * 7919) % 131072,
      },
      suspension: {
        statusListCredential: "https://vanbang.gov.vn/status/CDCNHN/suspension/1",
        statusListIndex: (i * 104729) % 131072,
      },
    },
  };
}

async function perCredential(
  label: string,
  inputs: DiplomaCredentialInput[],
  run: (input: DiplomaCredentialInput) => unknown,
) {
  for (const input of inputs.slice(0, 20)) await run(input); // warm-up: contexts cached, code compiled
  const start = performance.now();
  for (const input of inputs) await run(input);
  const ms = (performance.now() - start) / inputs.length;
  console.log(`${label.padEnd(44)} ${ms.toFixed(3).padStart(8)} ms/credential`);
  return ms;
}

const inputs = Array.from({ length: N }, (_, i) => diploma(i));
const privateKey = generatePrivateKey();
const verificationMethod = "did:web:vanbang.gov.vn:issuers:CDCNHN#key-1";
const noble: BenchmarkKey = { privateKey, verificationMethod };
const node = nodeSigner(privateKey, verificationMethod);
const created = "2025-07-01T08:30:00Z";

console.log(`N = ${N} diploma credentials, Node ${process.version}`);
await perCredential("canonical N-Quads, generic (jsonld.canonize)", inputs, (input) =>
  canonicalizeJsonLd(buildDiplomaCredential(input)),
);
await perCredential("canonical N-Quads, fast path", inputs, (input) => canonicalDiplomaNQuads(input));
const generic = await perCredential("signGeneric, @noble/ed25519", inputs, (input) =>
  signGeneric(input, noble, created),
);
await perCredential("signGeneric, Node Ed25519", inputs, (input) => signGeneric(input, node, created));
await perCredential("signFast, @noble/ed25519", inputs, (input) => signFast(input, noble, created));
const fast = await perCredential("signFast, Node Ed25519", inputs, (input) => signFast(input, node, created));
console.log(`signFast (Node) is ${(generic / fast).toFixed(0)}× faster than signGeneric (noble)`);

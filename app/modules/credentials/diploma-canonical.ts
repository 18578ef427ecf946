/**
 * The fast path: the RDFC-1.0 canonical N-Quads of a diploma credential (and of its proof configuration), written
 * directly from the typed input, without JSON-LD expansion or a general canonicalisation algorithm.
 *
 * Why it gives the generic pipeline's bytes (tests/slow/diploma-credential.test.ts checks it on generated diplomas):
 * - Every IRI below is what the bundled contexts (credentials v2, Open Badges 3.0.3, ours) expand the
 *   credential's terms to; values are typed exactly as those contexts coerce them.
 * - Every node has an IRI except the Achievement's `criteria`, so the graph has exactly one blank node. RDFC-1.0
 *   issues canonical identifiers to blank nodes whose first-degree hashes are unique, in hash order: a single
 *   blank node always gets `_:c14n0`. (The proof configuration likewise has one blank node, the proof.)
 * - Literals are escaped as canonical N-Quads require (ECHAR for \b \t \n \f \r " \, UCHAR \uXXXX for the other
 *   C0 controls and DEL, everything else as is, UTF-8 Vietnamese and emoji included), the same as rdf-canonize.
 * - Canonical N-Quads are sorted. IRIs are ASCII (diplomaValues checks them) and the only subject/predicate
 *   pairs with two objects have IRI objects, so ordering by UTF-16 unit (JavaScript's sort, as rdf-canonize does)
 *   equals the code point order that RDFC-1.0 specifies.
 */
import {
  diplomaCredentialFromValues,
  diplomaValues,
  type DiplomaCredential,
  type DiplomaCredentialInput,
  type DiplomaValues,
} from "./diploma-credential";
import {
  ASSERTION_METHOD,
  CRED,
  DATA_INTEGRITY_PROOF,
  EDDSA_RDFC_2022,
  RDF_TYPE,
  STATUS,
  XSD,
  canonicalProofConfigNQuads,
  iri,
  nquads,
  proofValueFor,
  text,
  typed,
  type DataIntegrityProof,
  type ProofOptions,
} from "./rdfc-nquads";
import type { CredentialSigner } from "./signer";

const OB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";
const SCHEMA = "https://schema.org/";
const VB = "https://vanbang.gov.vn/vocab#";
// Open Badges 3.0.3 types `url` with an https:// XML Schema namespace (sic): the datatype is what the context says.
const OB_ANY_URI = "https://www.w3.org/2001/XMLSchema#anyURI";

/** The canonical N-Quads of the unsigned diploma credential: equal to canonicalizeJsonLd(buildDiplomaCredential(input)). */
export function canonicalDiplomaNQuads(input: DiplomaCredentialInput): string {
  return canonicalNQuadsOfValues(diplomaValues(input));
}

function canonicalNQuadsOfValues(v: DiplomaValues): string {
  const credential = iri(v.id);
  const issuer = iri(v.issuer.id);
  const subject = iri(v.subject.id);
  const achievement = iri(v.achievement.id);
  const criteria = "_:c14n0";
  const statements: Array<readonly [string, string, string]> = [
    [credential, RDF_TYPE, iri(`${CRED}VerifiableCredential`)],
    [credential, RDF_TYPE, iri(`${OB}OpenBadgeCredential`)],
    [credential, `${SCHEMA}name`, text(v.title)],
    [credential, `${CRED}issuer`, issuer],
    [credential, `${CRED}validFrom`, typed(v.validFrom, `${XSD}dateTime`)],
    [credential, `${CRED}credentialSubject`, subject],
    [credential, `${VB}serialNumber`, text(v.register.serialNumber)],
    [credential, `${VB}registerNumber`, typed(String(v.register.registerNumber), `${XSD}integer`)],
    [credential, `${VB}registerYear`, typed(String(v.register.registerYear), `${XSD}integer`)],
    [credential, `${VB}issuePlace`, text(v.register.issuePlace)],
    [credential, `${VB}signerName`, text(v.register.signerName)],
    [credential, `${VB}signerTitle`, text(v.register.signerTitle)],

    [issuer, RDF_TYPE, iri(`${OB}Profile`)],
    [issuer, `${SCHEMA}name`, text(v.issuer.name)],
    [issuer, `${SCHEMA}url`, typed(v.issuer.url, OB_ANY_URI)],

    [subject, RDF_TYPE, iri(`${OB}AchievementSubject`)],
    [subject, `${SCHEMA}name`, text(v.subject.name)],
    [subject, `${OB}achievement`, achievement],
    [subject, `${VB}dateOfBirth`, typed(v.subject.dateOfBirth, `${XSD}date`)],
    [subject, `${VB}placeOfBirth`, text(v.subject.placeOfBirth)],
    [subject, `${VB}gender`, text(v.subject.gender)],
    [subject, `${VB}ethnicity`, text(v.subject.ethnicity)],
    [subject, `${VB}modeOfStudy`, text(v.subject.modeOfStudy)],
    [subject, `${VB}classification`, text(v.subject.classification)],
    [subject, `${VB}graduationDate`, typed(v.subject.graduationDate, `${XSD}date`)],
    [subject, `${VB}graduationDecisionNumber`, text(v.subject.graduationDecisionNumber)],

    [achievement, RDF_TYPE, iri(`${OB}Achievement`)],
    [achievement, `${OB}achievementType`, text("Diploma")],
    [achievement, `${SCHEMA}name`, text(v.achievement.name)],
    [achievement, `${SCHEMA}description`, text(v.achievement.description)],
    // OB 3.0.3 maps the term `criteria` to the IRI …#Criteria.
    [achievement, `${OB}Criteria`, criteria],
    [achievement, `${VB}programmeCode`, text(v.achievement.programmeCode)],
    [achievement, `${VB}trainingLevel`, text(v.achievement.trainingLevel)],
    [criteria, `${OB}narrative`, text(v.achievement.criteriaNarrative)],
  ];
  if (v.subject.honorificTitle !== null)
    statements.push([subject, `${VB}honorificTitle`, text(v.subject.honorificTitle)]);
  if (v.achievement.fieldOfStudy !== null)
    statements.push([achievement, `${OB}fieldOfStudy`, text(v.achievement.fieldOfStudy)]);
  if (v.supersedes !== null) statements.push([credential, `${VB}supersedes`, iri(v.supersedes)]);
  for (const entry of v.status) {
    const node = iri(entry.id);
    statements.push(
      [credential, `${CRED}credentialStatus`, node],
      [node, RDF_TYPE, iri(`${STATUS}BitstringStatusListEntry`)],
      [node, `${STATUS}statusPurpose`, text(entry.statusPurpose)],
      [node, `${STATUS}statusListIndex`, text(entry.statusListIndex)],
      [node, `${STATUS}statusListCredential`, iri(entry.statusListCredential)],
    );
  }
  return nquads(statements);
}

export { canonicalProofConfigNQuads, escapeNQuadsLiteral } from "./rdfc-nquads";

export type SignedDiplomaCredential = DiplomaCredential & { proof: DataIntegrityProof };

/**
 * Signs a diploma credential by the fast path. The result is byte for byte what createProof (the generic pipeline)
 * makes of buildDiplomaCredential(input), and verifies with verifyProof.
 */
export async function signDiplomaCredential(
  input: DiplomaCredentialInput,
  signer: CredentialSigner,
  options: { created: string },
): Promise<SignedDiplomaCredential> {
  return (await signDiplomaCredentialWithCanonicalForm(input, signer, options)).credential;
}

/**
 * signDiplomaCredential, also returning the credential's canonical N-Quads (the issuance log's leaf is their
 * hash), so that issuance canonicalises each credential once.
 */
export async function signDiplomaCredentialWithCanonicalForm(
  input: DiplomaCredentialInput,
  signer: CredentialSigner,
  options: { created: string },
): Promise<{ credential: SignedDiplomaCredential; canonicalDocument: string }> {
  const values = diplomaValues(input);
  const proofOptions: ProofOptions = {
    type: DATA_INTEGRITY_PROOF,
    cryptosuite: EDDSA_RDFC_2022,
    created: options.created,
    verificationMethod: signer.verificationMethod,
    proofPurpose: ASSERTION_METHOD,
  };
  const canonicalDocument = canonicalNQuadsOfValues(values);
  const proofValue = await proofValueFor(canonicalProofConfigNQuads(proofOptions), canonicalDocument, signer);
  return {
    credential: { ...diplomaCredentialFromValues(values), proof: { ...proofOptions, proofValue } },
    canonicalDocument,
  };
}

import type { DiplomaDocument, LabelPair } from "~/modules/documents/diploma-view";
import { diplomaLines } from "~/modules/documents/diploma-view";

/**
 * The diploma as a printable page: the same view model as the PDF, laid out the same way (English on the left half,
 * Vietnamese on the right, as on the official template), in real text so that it can be read aloud, searched and
 * zoomed. Printing gives one A4 landscape sheet (styles: "Diploma certificate" section of app/styles/app.css).
 *
 * The Vietnamese half comes first in the document (screen readers read it first); CSS places it on the right.
 * On a narrow screen the halves stack, Vietnamese on top.
 */
export interface DiplomaCertificateProps {
  document: DiplomaDocument;
  /**
   * The QR code as SVG markup. It is inserted as HTML, so it must be the output of our own QR encoder, built from
   * the diploma's own payload: never text from a request, a file or another user. As a second line of defence,
   * markup that is not a bare <svg> of shapes (scripts, event handlers, links, foreign content) is not inserted.
   */
  qrSvg: string;
}

export function DiplomaCertificate({ document: doc, qrSvg }: DiplomaCertificateProps) {
  return (
    <div className="diploma-frame">
      <article
        className="diploma-sheet"
        data-status={doc.status}
        aria-label={`${doc.title.vi} – ${doc.holder.fullName}`}
      >
        {doc.watermark ? (
          <div className="diploma-watermark" aria-hidden="true">
            <span>{doc.watermark.vi}</span>
            <span>{doc.watermark.en}</span>
          </div>
        ) : null}
        <Half doc={doc} lang="vi" />
        <Half doc={doc} lang="en" qrSvg={qrSvg} />
        {doc.statusLine ? (
          <p className="diploma-status">
            <span lang="vi">{doc.statusLine.vi}</span> · <span lang="en">{doc.statusLine.en}</span>
          </p>
        ) : null}
      </article>
    </div>
  );
}

function Half({ doc, lang, qrSvg }: { doc: DiplomaDocument; lang: keyof LabelPair; qrSvg?: string }) {
  const t = (pair: LabelPair) => pair[lang];
  const { numbers } = doc;
  return (
    <section className={`diploma-half diploma-half-${lang}`} lang={lang}>
      <header className="diploma-national">
        <p className="diploma-nation">{t(doc.nation)}</p>
        <p className="diploma-motto">{t(doc.motto)}</p>
      </header>
      <p className="diploma-issuer">
        <span>{t(doc.headTitle)}</span> <span className="diploma-school">{t(doc.schoolName)}</span>
      </p>
      <p className="diploma-confers">{t(doc.confers)}</p>
      <h2 className="diploma-title">{t(doc.title)}</h2>
      <dl className="diploma-fields">
        {diplomaLines(doc).map((line) => (
          <div key={line.key} className={line.emphasis ? "diploma-field diploma-field-emphasis" : "diploma-field"}>
            <dt>{t(line.label)}:</dt> <dd>{t(line.value)}</dd>
          </div>
        ))}
      </dl>
      <div className="diploma-signature">
        <p className="diploma-date">{t(doc.placeAndDate)}</p>
        <p className="diploma-signer-title">{t(doc.signer.title)}</p>
        {lang === "vi" && doc.signer.signatureNote ? (
          <p className="diploma-signature-note">{doc.signer.signatureNote.vi}</p>
        ) : null}
        {doc.signer.name ? (
          <p className={`diploma-signer-name diploma-signer-name-${lang}`}>{doc.signer.name}</p>
        ) : null}
      </div>
      <dl className="diploma-numbers">
        <div>
          <dt>{t(numbers.labels.serial)}:</dt> <dd>{numbers.serial ?? "…………"}</dd>
        </div>
        <div>
          <dt>{t(numbers.labels.registerNumber)}:</dt> <dd>{numbers.registerNumber ?? "…………"}</dd>
        </div>
      </dl>
      {qrSvg !== undefined ? <Verification doc={doc} qrSvg={qrSvg} /> : null}
    </section>
  );
}

function Verification({ doc, qrSvg }: { doc: DiplomaDocument; qrSvg: string }) {
  const { caption, url } = doc.verification;
  return (
    <figure className="diploma-qr">
      {isPlainSvg(qrSvg) ? (
        <div
          className="diploma-qr-code"
          role="img"
          aria-label={`${caption.vi} / ${caption.en}`}
          // Our own QR encoder's SVG only: see DiplomaCertificateProps.qrSvg.
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
      ) : null}
      <figcaption>
        <span className="diploma-qr-caption" lang="en">
          {caption.en}
        </span>
        <span className="diploma-qr-caption" lang="vi">
          {caption.vi}
        </span>
        <a className="diploma-qr-url" href={url}>
          {url}
        </a>
      </figcaption>
    </figure>
  );
}

/** A bare SVG drawing: no script, event handler, link, style sheet or foreign content. */
export function isPlainSvg(markup: string): boolean {
  const trimmed = markup.trim().replace(/^<\?xml[^>]*\?>\s*/, "");
  return (
    /^<svg[\s>]/i.test(trimmed) &&
    /<\/svg>$/i.test(trimmed) &&
    !/<(script|foreignObject|iframe|style|a|use|image)\b|\son\w+\s*=|href|javascript:/i.test(trimmed)
  );
}

import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { FormAlert, TextField } from "~/components/form";
import { getEnv } from "~/lib/env.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { readQrFrame, readQrImage } from "~/lib/read-qr-image";
import { verifyPathOf } from "~/modules/verification/verify-path";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "verify.title")];

/** Longest text kept and shown back to the visitor: far beyond any real QR text. */
const MAX_TEXT = 4096;

/**
 * POST /verify — the paste form without JavaScript (with it, the browser finds the path itself): a diploma QR text
 * goes to its verify page; anything else stays here with a message, and the text the visitor typed.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const raw = form.get("text");
  const text = typeof raw === "string" ? raw.slice(0, MAX_TEXT) : "";
  const path = verifyPathOf(text, { expectedOrigins: [getEnv().PUBLIC_ORIGIN] });
  if (path) return redirect(path);
  const error: MessageKey = text.trim() ? "verify.malformed" : "verify.empty";
  return json({ error, text }, { status: 400 });
}

type Problem = "verify.malformed" | "verify.empty" | "verify.upload.noQr" | "verify.upload.unreadable" | "verify.camera.denied";

/** GET /verify — the ways in: paste a link or text, upload a photo of the QR code, or scan it with the camera. */
export default function Verify() {
  const t = useT();
  const navigate = useNavigate();
  const actionData = useActionData<typeof action>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [reading, setReading] = useState(false);
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const onCameraDenied = useCallback(() => setProblem("verify.camera.denied"), []);

  /** Goes to the verdict of a QR text, or says it is not a diploma QR code of this registry. */
  const open = useCallback(
    (text: string) => {
      const path = verifyPathOf(text, { expectedOrigins: [window.location.origin] });
      if (path) navigate(path);
      else setProblem(text.trim() ? "verify.malformed" : "verify.empty");
    },
    [navigate],
  );

  const onPaste = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = new FormData(event.currentTarget).get("text");
    open(typeof text === "string" ? text : "");
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    event.currentTarget.value = ""; // the same file may be chosen again after a fix
    setProblem(null);
    setReading(true);
    try {
      const found = await readQrImage(file);
      if (found.ok) open(found.text);
      else setProblem(found.reason === "no_qr" ? "verify.upload.noQr" : "verify.upload.unreadable");
    } finally {
      setReading(false);
    }
  };

  const error = problem ?? actionData?.error ?? null;
  return (
    <div className="container narrow verify-entry">
      <h1>{t("verify.title")}</h1>
      <p className="lead">{t("verify.intro")}</p>
      <div aria-live="assertive" aria-atomic="true">
        {error ? <FormAlert kind="error">{t(error)}</FormAlert> : null}
        {reading ? <p>{t("verify.upload.reading")}</p> : null}
      </div>

      {scripted ? (
        <section className="card">
          <CameraScanner t={t} onText={open} onDenied={onCameraDenied} />
          <div className="field">
            <label htmlFor="qr-image">{t("verify.upload.label")}</label>
            <p className="field-hint" id="qr-image-hint">
              {t("verify.upload.hint")}
            </p>
            <input id="qr-image" type="file" accept="image/*" aria-describedby="qr-image-hint" onChange={onFile} />
          </div>
        </section>
      ) : null}

      <section className="card">
        <Form method="post" onSubmit={onPaste} noValidate>
          <TextField
            name="text"
            label={t("verify.paste.label")}
            hint={t("verify.paste.hint")}
            defaultValue={actionData?.text ?? ""}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="url"
          />
          <button type="submit" className="button button-primary">
            {t("verify.paste.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}

/** Live camera scanning: decodes a frame every ~150 ms until a QR code turns up, then hands its text over. */
function CameraScanner({ t, onText, onDenied }: { t: ReturnType<typeof useT>; onText: (text: string) => void; onDenied: () => void }) {
  const [active, setActive] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!active) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const scan = async () => {
      const v = video.current;
      if (stopped || !v) return;
      if (v.readyState >= 2 && v.videoWidth > 0) {
        const scale = Math.min(1, 800 / Math.max(v.videoWidth, v.videoHeight));
        const text = await readQrFrame(v, Math.round(v.videoWidth * scale), Math.round(v.videoHeight * scale));
        if (stopped) return;
        if (text) {
          setActive(false);
          onText(text);
          return;
        }
      }
      timer = setTimeout(scan, 150);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setActive(false);
      onDenied();
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then((s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((track) => track.stop());
        video.current.srcObject = s;
        void video.current.play().catch(() => undefined);
        void scan();
      })
      .catch(() => {
        setActive(false);
        onDenied();
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active, onText, onDenied]);

  return (
    <div className="camera-scanner">
      <button type="button" className="button button-primary button-large" aria-pressed={active} onClick={() => setActive((a) => !a)}>
        {active ? t("verify.camera.stop") : t("verify.camera.start")}
      </button>
      {active ? (
        <>
          <p aria-live="polite">{t("verify.camera.scanning")}</p>
          <video ref={video} className="camera-video" muted playsInline aria-label={t("verify.camera.video")} />
        </>
      ) : null}
    </div>
  );
}

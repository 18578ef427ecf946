import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from "react";
import { SignedDocumentVerdict } from "~/components/cases/signed-document-verdict";
import { FormAlert, TextField } from "~/components/form";
import { BrowserCheckNote, MinimalDiplomaFacts, VerdictBanner } from "~/components/verification-result";
import { getReadDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { readFormData, retryAfterHeaders } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { countLookup } from "~/lib/metrics.server";
import { preloadQrReader, readQrFrame, readQrImage } from "~/lib/read-qr-image";
import type { RequestContext } from "~/lib/request-context";
import { checkInBrowser } from "~/modules/verification/use-browser-verdict";
import { getPinnedMinistryKeys } from "~/modules/verification/get-pinned-ministry-keys.server";
import type { BrowserVerdict } from "~/modules/verification/check-in-browser";
import { lookupDiploma } from "~/modules/verification/lookup.server";
import { offlineVerification } from "~/modules/verification/offline-check";
import { VERDICTS, type VerificationResult } from "~/modules/verification/verdict";
import { verifyPathOf } from "~/modules/verification/verify-path";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "verify.title")];

/** Longest text kept and shown back to the visitor: far beyond any real QR text. */
const MAX_TEXT = 4096;

/**
 * GET /verify: the page carries the ministry keys that the browser's own check pins for the trust registry. The
 * service worker keeps this page (anonymous), so the keys are there offline too.
 */
export async function loader(_: LoaderFunctionArgs) {
  return json({ ministryKeys: await getPinnedMinistryKeys(await getReadDb(), { origin: getEnv().PUBLIC_ORIGIN }) });
}

/**
 * POST /verify — the paste form without JavaScript (with it, the browser finds the path itself): a diploma QR text
 * goes to its verify page; anything else stays here with a message, and the text the visitor typed.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  if (form.get("intent") === "lookup") {
    const serial = String(form.get("serial") ?? "").slice(0, 200);
    const fullName = String(form.get("fullName") ?? "").slice(0, 200);
    const ip = (context as Partial<RequestContext> | undefined)?.clientIp ?? null;
    const found = await lookupDiploma(await getReadDb(), { serial, fullName, ip });
    countLookup(found.ok ? "found" : found.reason);
    if (found.ok) return redirect(found.path);
    const error: MessageKey =
      found.reason === "empty"
        ? "verify.lookup.empty"
        : found.reason === "rate_limited"
          ? "verify.lookup.tooMany"
          : "verify.lookup.notFound";
    return json(
      { form: "lookup" as const, error, text: "", serial, fullName },
      found.reason === "rate_limited"
        ? { status: 429, headers: retryAfterHeaders(found.retryAfterSeconds) }
        : { status: found.reason === "empty" ? 400 : 404 },
    );
  }
  const raw = form.get("text");
  const text = typeof raw === "string" ? raw.slice(0, MAX_TEXT) : "";
  const path = verifyPathOf(text, { expectedOrigins: [getEnv().PUBLIC_ORIGIN] });
  if (path) return redirect(path);
  const error: MessageKey = text.trim() ? "verify.malformed" : "verify.empty";
  return json({ form: "paste" as const, error, text, serial: "", fullName: "" }, { status: 400 });
}

/** A diploma credential is about 5 KB; the API takes bodies up to 64 KB. */
const CREDENTIAL_FILE_MAX_BYTES = 60 * 1024;

type CredentialCheck =
  | { ok: true; result: VerificationResult }
  | { ok: false; problem: "verify.credential.malformed" | "verify.credential.failed" | "verify.credential.tooMany" };

/** Reads a credential JSON file in the browser and has the server verify it in full (POST /api/v1/verify). */
async function checkCredentialFile(file: File): Promise<CredentialCheck> {
  if (file.size === 0 || file.size > CREDENTIAL_FILE_MAX_BYTES)
    return { ok: false, problem: "verify.credential.malformed" };
  let credential: unknown;
  try {
    credential = JSON.parse(await file.text());
  } catch {
    return { ok: false, problem: "verify.credential.malformed" };
  }
  if (typeof credential !== "object" || credential === null || Array.isArray(credential))
    return { ok: false, problem: "verify.credential.malformed" };
  try {
    const response = await fetch("/api/v1/verify", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ credential }),
    });
    if (response.status === 429) return { ok: false, problem: "verify.credential.tooMany" };
    if (response.status === 400) return { ok: false, problem: "verify.credential.malformed" };
    if (!response.ok) return { ok: false, problem: "verify.credential.failed" };
    const body = (await response.json()) as VerificationResult;
    if (!body || !(VERDICTS as readonly string[]).includes(body.verdict) || !Array.isArray(body.reasons))
      return { ok: false, problem: "verify.credential.failed" };
    return {
      ok: true,
      result: {
        verdict: body.verdict,
        reasons: body.reasons,
        diploma: body.diploma ?? null,
        issuer: body.issuer ?? null,
        ...(body.status ? { status: body.status } : {}),
        ...(body.document ? { document: body.document } : {}),
      },
    };
  } catch {
    return { ok: false, problem: "verify.credential.failed" };
  }
}

type Problem =
  | "verify.malformed"
  | "verify.empty"
  | "verify.upload.noQr"
  | "verify.upload.unreadable"
  | "verify.camera.denied"
  | "verify.credential.malformed"
  | "verify.credential.failed"
  | "verify.credential.tooMany"
  | "verify.offline.unavailable"
  | "verify.offline.registryUnverified";

/** GET /verify — the ways in: paste a link or text, upload a photo of the QR code, or scan it with the camera. */
export default function Verify() {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const { ministryKeys } = useLoaderData<typeof loader>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [reading, setReading] = useState(false);
  const [checkingFile, setCheckingFile] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [credentialResult, setCredentialResult] = useState<VerificationResult | null>(null);
  const [offline, setOffline] = useState<{ result: VerificationResult; browser: BrowserVerdict } | null>(null);

  /**
   * No network: the browser's own check, against the trust registry the service worker kept (its signature checked
   * with the pinned ministry keys); the status lists cannot be fetched, so the verdict is at best status_unknown.
   */
  const checkOffline = useCallback(
    (path: string) => {
      setProblem(null);
      checkInBrowser(path, ministryKeys)
        .then((browser) => {
          const result = offlineVerification(path, browser);
          if (result) setOffline({ result, browser });
          else
            setProblem(
              browser.problem === "registry_unverified"
                ? "verify.offline.registryUnverified"
                : "verify.offline.unavailable",
            );
        })
        .catch(() => setProblem("verify.offline.unavailable"));
    },
    [ministryKeys],
  );

  useEffect(() => {
    // The QR reader (jsQR) is fetched once the page is idle, so a scan or a photo starts decoding at once.
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => preloadQrReader());
  }, []);

  useEffect(() => {
    // Offline after one visit: the service worker keeps this page, its scripts (the QR reader's too) and the trust
    // registry. A later visit online has it keep them afresh (a new build, a new ministry key).
    const controller = navigator.serviceWorker?.controller;
    navigator.serviceWorker?.register("/sw.js").catch(() => undefined);
    if (controller && navigator.onLine) controller.postMessage("refresh-shell");
    const opened = /^#v=([A-Z2-7]+)$/.exec(window.location.hash); // a verdict URL opened offline (see public/sw.js)
    if (opened) checkOffline(`/V/${opened[1]}`);
  }, [checkOffline]);
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const onCameraDenied = useCallback(() => setProblem("verify.camera.denied"), []);

  /** Goes to the verdict of a QR text, or says it is not a diploma QR code of this registry. */
  const open = useCallback(
    (text: string) => {
      const path = verifyPathOf(text, { expectedOrigins: [window.location.origin] });
      if (path && !navigator.onLine) checkOffline(path);
      // A document load, not a client-side navigation: the server's page carries the verdict in its first paint,
      // where a client-side one first fetches the route's manifest entry, then its module and data (one round
      // trip each), which costs a phone on a slow network far more (the camera e2e measures it).
      else if (path) window.location.assign(path);
      else setProblem(text.trim() ? "verify.malformed" : "verify.empty");
    },
    [checkOffline],
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

  const onCredentialFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setCheckingFile(true);
    try {
      const checked = await checkCredentialFile(file);
      if (checked.ok) setCredentialResult(checked.result);
      else setProblem(checked.problem);
    } finally {
      setCheckingFile(false);
    }
  };
  const onCredentialInput = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = "";
    void onCredentialFile(file);
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!Array.from(event.dataTransfer.types).includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void onCredentialFile(event.dataTransfer.files[0]);
  };

  const shown = credentialResult ?? offline?.result ?? null;
  // An organisation's signed document (a certified copy, a confirmation letter): its own verdict and facts.
  if (credentialResult?.document) {
    return (
      <div className="container narrow verify-page">
        <SignedDocumentVerdict
          result={credentialResult}
          facts={credentialResult.document}
          t={t}
          locale={locale}
          headingLevel={1}
        />
        <div className="button-row verify-actions">
          <button type="button" className="button button-ghost" onClick={() => setCredentialResult(null)}>
            {t("verify.again")}
          </button>
        </div>
      </div>
    );
  }
  if (shown) {
    return (
      <div className="container narrow verify-page">
        <VerdictBanner result={shown} t={t} locale={locale} source={credentialResult ? "file" : "qr"} />
        {offline && !credentialResult ? <BrowserCheckNote state={offline.browser} t={t} /> : null}
        <MinimalDiplomaFacts result={shown} t={t} locale={locale} source={credentialResult ? "file" : "qr"} />
        <div className="button-row verify-actions">
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setCredentialResult(null);
              setOffline(null);
              if (window.location.hash) window.history.replaceState(window.history.state, "", window.location.pathname);
            }}
          >
            {t("verify.again")}
          </button>
        </div>
      </div>
    );
  }

  const pasteError = actionData?.form === "paste" ? actionData.error : null;
  const lookupError = actionData?.form === "lookup" ? actionData.error : null;
  const error = problem ?? pasteError ?? null;
  return (
    <div className="container narrow verify-entry">
      <h1>{t("verify.title")}</h1>
      <p className="lead">{t("verify.intro")}</p>
      <div aria-live="assertive" aria-atomic="true">
        {error ? <FormAlert kind="error">{t(error)}</FormAlert> : null}
        {reading ? <p>{t("verify.upload.reading")}</p> : null}
        {checkingFile ? <p>{t("verify.credential.checking")}</p> : null}
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
          <div
            className={`field credential-drop${dragging ? " credential-drop-active" : ""}`}
            onDragOver={onDragOver}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <label htmlFor="credential-file">{t("verify.credential.label")}</label>
            <p className="field-hint" id="credential-file-hint">
              {t("verify.credential.hint")}
            </p>
            <input
              id="credential-file"
              type="file"
              accept=".json,.jsonld,application/json,application/ld+json,application/vc+ld+json"
              aria-describedby="credential-file-hint"
              onChange={onCredentialInput}
            />
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

      <section className="card" aria-labelledby="verify-lookup-heading">
        <h2 id="verify-lookup-heading">{t("verify.lookup.title")}</h2>
        <div aria-live="polite" aria-atomic="true">
          {lookupError ? <FormAlert kind="error">{t(lookupError)}</FormAlert> : null}
        </div>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="lookup" />
          <TextField
            name="serial"
            label={t("verify.lookup.serial")}
            defaultValue={actionData?.serial ?? ""}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            name="fullName"
            label={t("verify.lookup.name")}
            defaultValue={actionData?.fullName ?? ""}
            autoComplete="off"
          />
          <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
            {t("verify.lookup.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}

/** Live camera scanning: decodes a frame every ~150 ms until a QR code turns up, then hands its text over. */
function CameraScanner({
  t,
  onText,
  onDenied,
}: {
  t: ReturnType<typeof useT>;
  onText: (text: string) => void;
  onDenied: () => void;
}) {
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
    // The first frame is decoded as soon as it is there, not at the next tick.
    const onFirstFrame = () => {
      clearTimeout(timer);
      void scan();
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setActive(false);
      onDenied();
      return;
    }
    preloadQrReader(); // while the camera starts
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then((s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((track) => track.stop());
        video.current.addEventListener("loadeddata", onFirstFrame, { once: true });
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
      video.current?.removeEventListener("loadeddata", onFirstFrame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active, onText, onDenied]);

  return (
    <div className="camera-scanner">
      <button
        type="button"
        className="button button-primary button-large"
        aria-pressed={active}
        onClick={() => setActive((a) => !a)}
      >
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

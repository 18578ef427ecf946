/**
 * A move that brings files: the submitter supplies what was asked for (supply_info, purpose "evidence"), or an
 * officer attaches a receipt or a result (a "note" event naming the files). The move (event, audit row, notices)
 * and the files are one transaction: a refused file leaves no event behind, and a refused move stores no file.
 */
import type { Case, CaseEvent } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import type { AttachmentProblem, AttachmentPurpose } from "./attachment-rules";
import { saveAttachments, type AttachmentStore } from "./attachments.server";
import { moveCase, type MoveCaseError, type MoveCaseOptions } from "./move-case.server";

class RollBack extends Error {
  constructor(readonly failure: { code: MoveCaseError | AttachmentProblem; fileName?: string }) {
    super(failure.code);
  }
}

export async function moveCaseWithFiles(
  db: Executor,
  move: MoveCaseOptions,
  upload: {
    purpose: AttachmentPurpose;
    files: readonly { name: string; bytes: Uint8Array }[];
    store?: AttachmentStore;
  },
): Promise<
  Result<{ case: Case; event: CaseEvent; attachmentIds: string[] }, MoveCaseError | AttachmentProblem> & {
    fileName?: string;
  }
> {
  try {
    return await db.transaction(async (tx) => {
      const moved = await moveCase(tx, move);
      if (!moved.ok) throw new RollBack({ code: moved.code });
      const saved = await saveAttachments(tx, {
        caseId: moved.value.case.id,
        eventId: moved.value.event.id,
        purpose: upload.purpose,
        files: upload.files,
        uploadedBy: move.actor.userId,
        store: upload.store,
      });
      if (!saved.ok) throw new RollBack({ code: saved.code, fileName: saved.fileName });
      return ok({ ...moved.value, attachmentIds: saved.value.ids });
    });
  } catch (error) {
    if (error instanceof RollBack) return { ...fail(error.failure.code), fileName: error.failure.fileName };
    throw error;
  }
}

// Review mode for the window: the mode switch (toolbar and View → Review mode), the
// reviewer's name (kept in the shell's settings.json), File → Send for review … and
// File → Merge review …, and their dialogs. Menu ids: review_mode, send_review,
// merge_review, settings, compare_mode for compare mode and walk_mode for the walk-through (declared in src/view/menu.rs).
import { listen } from "@tauri-apps/api/event";
import { open, save } from "../dialogs/files";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { asCoreError, type CoreError } from "../api";
import type { MenuCommand, MenuEvent, MergeReport } from "../generated/carepath";
import { reviewApi } from "./api";
import { MergeReportDialog } from "./MergeReportDialog";
import { SettingsDialog } from "./SettingsDialog";
import "./review.css";

const carepath = (name: string) => [{ name, extensions: ["carepath"] }];

export function useReview(deps: { hasDocument: boolean; refresh: () => Promise<unknown>; setError: (e: CoreError | null) => void; setStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [walking, setWalking] = useState(false);
  // "compare with another file": a request for compare mode's file choice (`path` stands in
  // for the Open dialog's answer); `n` tells one request from the next
  const [fileRequest, setFileRequest] = useState<{ n: number; path?: string } | null>(null);
  // the review panel's element: the canvas selection, or the document, an actor, a phase ...
  const [pick, setPick] = useState("selection");
  const [author, setAuthorState] = useState("");
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [merged, setMerged] = useState<{ path: string; report: MergeReport } | null>(null);

  useEffect(() => {
    reviewApi.author().then(setAuthorState, () => undefined);
  }, []);

  const setAuthor = useCallback(
    async (name: string) => {
      try {
        await reviewApi.setAuthor(name);
        setAuthorState(name.trim());
      } catch (e) {
        deps.setError(asCoreError(e));
      }
    },
    [deps],
  );

  const run = useCallback(
    /** `path` stands in for the file dialog's answer (as a recent-file menu item carries one). */
    async (id: MenuCommand, given?: string) => {
      try {
        if (id === "settings") setSettingsOpen(true);
        if (!deps.hasDocument) return;
        if (id === "review_mode") setOn((x) => !x);
        if (id === "compare_mode") setComparing((x) => !x);
        if (id === "compare_file") {
          setComparing(true);
          setFileRequest((r) => ({ n: (r?.n ?? 0) + 1, path: given }));
        }
        if (id === "walk_mode") setWalking((x) => !x);
        if (id === "send_review") {
          const path = given ?? (await save({ title: t("review.sendTitle"), defaultPath: t("review.sendName"), filters: carepath("Carepath") }));
          if (!path) return;
          const target = path.endsWith(".carepath") ? path : `${path}.carepath`;
          await reviewApi.sendForReview(target);
          deps.setStatus(t("review.sent", { path: target }));
        }
        if (id === "merge_review") {
          const path = given ?? (await open({ title: t("review.mergeTitle"), multiple: false, directory: false, filters: carepath("Carepath") }));
          if (typeof path !== "string") return;
          const report = await reviewApi.merge(path);
          await deps.refresh();
          setMerged({ path, report });
        }
      } catch (e) {
        deps.setError(asCoreError(e));
      }
    },
    [deps, t],
  );

  // the native menu's items (the frame's own commands ignore these ids)
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!("__TAURI_INTERNALS__" in window)) return;
    const un = listen<MenuEvent>("menu", (e) => void runRef.current(e.payload.id, e.payload.path ?? undefined));
    return () => void un.then((f) => f());
  }, []);

  const dialogs = (
    <>
      {settingsOpen && (
        <SettingsDialog
          author={author}
          onSave={(name) => {
            void setAuthor(name);
            setSettingsOpen(false);
          }}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {merged && <MergeReportDialog path={merged.path} report={merged.report} onClose={() => setMerged(null)} />}
    </>
  );

  return { on, setOn, comparing, setComparing, walking, fileRequest, pick, setPick, author, openSettings: () => setSettingsOpen(true), run, dialogs };
}

// The application frame's commands: one `run(id)` for the native menu's `menu` event, the
// page's own keys (./keys.ts) and the buttons. Owns what the frame adds around the canvas:
// the multi-selection, find, the shortcuts and about dialogs, the start screen, minimap and
// data-need layer switches, keyboard connect mode, and the file commands (new, open, recent,
// save as, close).
import { listen } from "@tauri-apps/api/event";
import { open, save } from "../dialogs/files";
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, asCoreError, type CoreError } from "../api";
import type { Selection } from "../canvas/Diagram";
import type { Flow } from "../canvas/FlowHandle";
import { nearestInDirection, neighbourCell, type Direction } from "../canvas/nav";
import { AboutDialog, ShortcutsDialog } from "../dialogs/ShortcutsDialog";
import { NewDocumentDialog, fileName } from "../dialogs/NewDocument";
import { FindBar } from "../find/FindBar";
import { findMatches, highlighted, stepIndex } from "../find/search";
import type { Document, Edit, Layout, NewDocument, Step, Variant } from "../generated/carepath";
import { newStep } from "../panels/logic";
import { typingAnotherLabel } from "../canvas/StepNode";
import { setLanguage } from "../i18n";
import { StartScreen } from "../StartScreen";
import { uuidv7 } from "../uuid";
import type { CommandId, MenuEvent } from "./ids";
import { keyToCommand } from "./keys";
import "../frame.css";
import { deletedSteps, deleteEdit, orphanedNeeds, pastedSteps } from "./selection";
import { OrphanNeedsDialog } from "../dialogs/OrphanNeedsDialog";

/** How far pasted copies of pinned steps sit from the originals (diagram units). */
const PASTE_OFFSET = { x: 40, y: 40 };

export interface FrameDeps {
  doc: Document | null;
  variant: Variant | null;
  layout: Layout | null;
  selection: Selection;
  setSelection: (s: Selection) => void;
  /** Centre the view on the selection. */
  reveal: () => void;
  onEdit: (edit: Edit) => Promise<boolean>;
  undoRedo: (which: "undo" | "redo") => Promise<void>;
  /** Re-read the open document (null: its first variant). */
  refresh: (variant: string | null) => Promise<unknown>;
  setError: (e: CoreError | null) => void;
  openExport: () => void;
  importFile: () => Promise<void>;
  flow: MutableRefObject<Flow | null>;
}

const inTextField = (el: EventTarget | null) => {
  const e = el as HTMLElement | null;
  return !!e && (e.tagName === "INPUT" || e.tagName === "TEXTAREA" || e.tagName === "SELECT" || e.isContentEditable);
};
const onControl = (el: EventTarget | null) => {
  const e = el as HTMLElement | null;
  return !!e && !e.closest(".react-flow") && !!e.closest("button, a, [role='button'], [role='dialog'], summary");
};
const hasMenu = () => typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;

const carepathFilter = (name: string) => [{ name, extensions: ["carepath"] }];

/** How long a status message stays in the status bar. */
const STATUS_FADE_MS = 8_000;

export function useFrame(d: FrameDeps) {
  const { t, i18n } = useTranslation();
  const [multi, setMultiState] = useState<ReadonlySet<string>>(new Set());
  const [closed, setClosed] = useState(false);
  const [minimap, setMinimap] = useState(false);
  const [needLayerVisible, setNeedLayerVisible] = useState(true);
  const [findOpen, setFindOpen] = useState(false);
  const [findTick, setFindTick] = useState(0);
  const [query, setQuery] = useState("");
  const [findIndex, setFindIndex] = useState(-1);
  const [dialog, setDialog] = useState<"shortcuts" | "about" | "new" | null>(null);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // a status message fades after a while; the bar shows its hint again
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(null), STATUS_FADE_MS);
    return () => window.clearTimeout(timer);
  }, [status]);
  const [renameRequest, setRenameRequest] = useState<{ id: string; tick: number } | null>(null);
  // the need form for a step, asked for by the context pad or the I key
  const [needAt, setNeedAt] = useState<string | null>(null);

  /** Sets the multi-selection, leaving the state alone when the ids are the same. */
  const setMulti = useCallback((ids: Iterable<string>) => {
    const next = new Set(ids);
    setMultiState((old) => (old.size === next.size && [...next].every((x) => old.has(x)) ? old : next));
  }, []);

  const matches = useMemo(
    () => (findOpen && d.doc && d.variant ? findMatches(d.doc, d.variant, d.layout, query) : []),
    [findOpen, d.doc, d.variant, d.layout, query],
  );
  const highlights = useMemo(() => highlighted(matches), [matches]);
  useEffect(() => setFindIndex(-1), [query]);

  const selectStep = useCallback(
    (id: string, reveal = true, focus = true) => {
      d.setSelection({ kind: "step", id });
      setMulti([id]);
      if (reveal) d.reveal();
      // keyboard focus follows, so focus is visible where the selection is
      // (never away from a label being typed: the editor would close with its default name)
      if (focus)
        requestAnimationFrame(() => {
          if (typingAnotherLabel(id)) return;
          document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.focus({ preventScroll: true });
        });
    },
    [d, setMulti],
  );

  /** The selected steps: the multi-selection plus the primary selection. */
  const selectedSteps = useCallback(() => {
    const ids = new Set(multi);
    if (d.selection?.kind === "step") ids.add(d.selection.id);
    return [...ids].filter((id) => d.variant?.steps.some((s) => s.id === id));
  }, [multi, d.selection, d.variant]);

  const afterOpen = useCallback(async () => {
    d.setSelection(null);
    setMulti([]);
    setConnectFrom(null);
    setClosed(false);
    await d.refresh(null);
  }, [d, setMulti]);

  const openPath = useCallback(
    async (path: string) => {
      try {
        await api.openDocument(path);
        await afterOpen();
        setStatus(t("files.opened", { path }));
      } catch (e) {
        const err = asCoreError(e);
        const why =
          err.code === "file_in_use"
            ? t("files.inUse")
            : err.code === "not_carepath" || err.code === "corrupt"
              ? t("files.notCarepath")
              : err.code === "newer_version"
                ? t("files.newer")
                : "";
        d.setError({ code: err.code, message: `${t("files.cannotOpen", { path })} ${why} (${err.message})` });
      }
    },
    [afterOpen, d, t],
  );

  // a delete that would leave needs at no step waits for the user's answer
  const [orphans, setOrphans] = useState<{ steps: number; needs: string[] } | null>(null);
  const removeSelection = useCallback(
    async (alsoNeeds: string[]) => {
      const v = d.variant;
      if (!v) return;
      const edit = deleteEdit(v, d.selection, multi, alsoNeeds);
      if (!edit) return;
      const n = edit.op === "batch" ? edit.edits.length : 1;
      if (await d.onEdit(edit)) {
        d.setSelection(null);
        setMulti([]);
        if (n > 1) setStatus(t("keyboard.deleted", { n }));
      }
    },
    [d, multi, setMulti, t],
  );

  /** In connect mode, a click on a step connects to it (as choosing it and Enter would). */
  const connectTo = useCallback(
    async (to: string) => {
      const v = d.variant;
      if (!v || !connectFrom) return;
      const from = connectFrom;
      setConnectFrom(null);
      if (from !== to) {
        await d.onEdit({ op: "add_transition", variant: v.id, transition: { id: uuidv7(), from, to, label: "", kind: "normal" } });
      }
    },
    [d, connectFrom],
  );

  /** File → New's choice made: where to save it, then create and open it. */
  const createDocument = useCallback(
    async (req: NewDocument) => {
      const path = await save({
        title: t("files.newTitle"),
        defaultPath: fileName(req.title, t("files.newName").replace(/\.carepath$/, "")),
        filters: carepathFilter(t("files.carepathKind")),
      });
      if (!path) return;
      try {
        await api.createDocument(req, path.endsWith(".carepath") ? path : `${path}.carepath`);
        setDialog(null);
        await afterOpen();
      } catch (e) {
        d.setError(asCoreError(e));
      }
    },
    [afterOpen, d, t],
  );

  const run = useCallback(
    async (id: CommandId, payload?: Partial<MenuEvent>) => {
      // with no document open only the commands that open one (and the window's own) run
      const withoutDocument: CommandId[] = ["new", "open", "recent", "import", "lang:nb", "lang:en", "shortcuts", "about", "escape"];
      if (closed && !withoutDocument.includes(id)) return;
      const v = d.variant;
      const flow = d.flow.current;
      try {
        switch (id) {
          case "new":
            setDialog("new");
            return;
          case "open": {
            const path = await open({ title: t("files.openTitle"), multiple: false, directory: false, filters: carepathFilter(t("files.carepathKind")) });
            if (typeof path === "string") await openPath(path);
            return;
          }
          case "recent":
            if (payload?.path) await openPath(payload.path);
            return;
          case "save_as": {
            if (closed) return;
            const path = await save({ title: t("files.saveAsTitle"), filters: carepathFilter(t("files.carepathKind")) });
            if (!path) return;
            const target = path.endsWith(".carepath") ? path : `${path}.carepath`;
            await api.saveAs(target);
            setStatus(t("files.savedAs", { path: target }));
            await d.refresh(v?.id ?? null);
            return;
          }
          case "import":
            await d.importFile();
            // an import opens its new document; a cancelled one leaves things as they were
            if (closed && (await api.documentPath().then(() => true, () => false))) {
              d.setSelection(null);
              setMulti([]);
              setClosed(false);
            }
            return;
          case "export":
            if (!closed) d.openExport();
            return;
          case "close":
            await api.closeDocument();
            d.setSelection(null);
            setMulti([]);
            setFindOpen(false);
            setClosed(true);
            return;
          case "undo":
          case "redo":
            if (!closed) await d.undoRedo(id);
            return;
          case "copy":
          case "cut": {
            const ids = selectedSteps();
            if (!v || ids.length === 0) return;
            const fragment = await api.copy(v.id, ids);
            // also on the system clipboard as JSON text, for other programs (best effort)
            navigator.clipboard?.writeText(JSON.stringify(fragment)).catch(() => undefined);
            setStatus(t("keyboard.copied", { n: ids.length }));
            if (id === "cut") await run("delete");
            return;
          }
          case "paste": {
            if (!v) return;
            const edit = await api.paste(v.id, PASTE_OFFSET);
            if (await d.onEdit(edit)) {
              const ids = pastedSteps(edit);
              setMulti(ids);
              if (ids[0]) d.setSelection({ kind: "step", id: ids[0] });
              setStatus(t("keyboard.pasted", { n: ids.length }));
            }
            return;
          }
          case "delete": {
            if (!v) return;
            const steps = deletedSteps(v, d.selection, multi);
            const orphans = orphanedNeeds(v, steps);
            // needs whose every step goes: ask whether they go too
            if (orphans.length > 0) setOrphans({ steps: steps.length, needs: orphans });
            else await removeSelection([]);
            return;
          }
          case "select_all":
            if (v) setMulti(v.steps.map((s) => s.id));
            return;
          case "find":
            if (closed) return;
            setFindOpen(true);
            setFindTick((n) => n + 1);
            return;
          case "find_next":
          case "find_prev": {
            if (!findOpen || matches.length === 0) return;
            const i = stepIndex(findIndex, matches.length, id === "find_prev");
            setFindIndex(i);
            const step = matches[i].step;
            if (step) {
              d.setSelection({ kind: "step", id: step });
              setMulti([step]);
              d.reveal();
            }
            return;
          }
          case "zoom_in":
            void flow?.zoomIn({ duration: 150 });
            return;
          case "zoom_out":
            void flow?.zoomOut({ duration: 150 });
            return;
          case "fit":
            void flow?.fitView({ padding: 0.04, duration: 200 });
            return;
          case "minimap":
            setMinimap((m) => payload?.checked ?? !m);
            return;
          case "need_layer":
            setNeedLayerVisible((m) => payload?.checked ?? !m);
            return;
          case "lang:nb":
          case "lang:en":
            setLanguage(id === "lang:nb" ? "nb" : "en");
            return;
          case "shortcuts":
            setDialog("shortcuts");
            return;
          case "about":
            setDialog("about");
            return;
          case "escape":
            if (connectFrom) setConnectFrom(null);
            else if (findOpen) setFindOpen(false);
            else {
              d.setSelection(null);
              setMulti([]);
            }
            return;
          case "confirm":
          case "rename": {
            const sel = d.selection;
            if (!v || sel?.kind !== "step") return;
            if (id === "confirm" && connectFrom) {
              await connectTo(sel.id);
              return;
            }
            setRenameRequest((r) => ({ id: sel.id, tick: (r?.tick ?? 0) + 1 }));
            return;
          }
          case "add_step": {
            if (!v) return;
            const from = d.selection?.kind === "step" ? v.steps.find((s) => s.id === d.selection?.id) : undefined;
            const lane = d.layout?.lanes[0];
            const col = d.layout?.columns[0];
            const step = newStep(uuidv7(), "activity", t("canvas.newLabel.activity"), from ? (from.actor ?? null) : (lane?.actor ?? null), from ? (from.phase ?? null) : (col?.phase ?? null));
            if (await d.onEdit({ op: "add_step", variant: v.id, step })) {
              // no focus on the node: the label editor takes it
              selectStep(step.id, false, false);
              setRenameRequest((r) => ({ id: step.id, tick: (r?.tick ?? 0) + 1 }));
            }
            return;
          }
          case "append_activity":
          case "append_decision":
          case "append_event":
          case "append_end": {
            // the context pad: a new step after the selected one, in its lane and phase,
            // connected to it, in one undoable edit; its label opens for typing
            const from = d.selection?.kind === "step" ? v?.steps.find((s) => s.id === d.selection?.id) : undefined;
            if (!v || !from || from.kind === "end") return;
            const kind = id.slice("append_".length) as Step["kind"];
            const step = newStep(uuidv7(), kind, t(`canvas.newLabel.${kind}`), from.actor ?? null, from.phase ?? null);
            const edit: Edit = {
              op: "batch",
              label: "append step",
              edits: [
                { op: "add_step", variant: v.id, step },
                { op: "add_transition", variant: v.id, transition: { id: uuidv7(), from: from.id, to: step.id, label: "", kind: "normal" } },
              ],
            };
            if (await d.onEdit(edit)) {
              selectStep(step.id, false, false);
              setRenameRequest((r) => ({ id: step.id, tick: (r?.tick ?? 0) + 1 }));
            }
            return;
          }
          case "add_need":
            if (d.selection?.kind === "step") setNeedAt(d.selection.id);
            return;
          case "connect":
            if (d.selection?.kind === "step") setConnectFrom(d.selection.id);
            return;
          case "select_left":
          case "select_right":
          case "select_up":
          case "select_down": {
            const dir = id.slice(7) as Direction;
            const from = d.selection?.kind === "step" ? d.selection.id : null;
            const next = d.layout ? nearestInDirection(d.layout.steps, from, dir) : null;
            if (next) selectStep(next);
            return;
          }
          case "move_left":
          case "move_right":
          case "move_up":
          case "move_down": {
            const dir = id.slice(5) as Direction;
            const step = d.selection?.kind === "step" ? v?.steps.find((s) => s.id === d.selection?.id) : undefined;
            if (!v || !step || !d.layout) return;
            const cell = neighbourCell(d.layout, step, dir);
            if (!cell) return;
            // unpinned, so the layout places it in its new cell
            const moved: Step = { ...step, actor: cell.actor, phase: cell.phase, position: null };
            if (await d.onEdit({ op: "update_step", variant: v.id, step: moved })) selectStep(step.id);
            return;
          }
        }
      } catch (e) {
        const err = asCoreError(e);
        if (err.code !== "nothing_to_undo") d.setError(err);
      }
    },
    [d, t, closed, afterOpen, openPath, selectedSteps, multi, findOpen, matches, findIndex, connectFrom, connectTo, selectStep, setMulti, removeSelection],
  );

  // the latest `run`, for listeners that subscribe once
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    if (!hasMenu()) return;
    const un = listen<MenuEvent>("menu", (e) => void runRef.current(e.payload.id, e.payload));
    return () => {
      void un.then((f) => f());
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || dialog) return;
      const mod = e.ctrlKey || e.metaKey;
      const text = inTextField(e.target) || (!mod && onControl(e.target));
      const cmd = keyToCommand(e, text, hasMenu());
      if (!cmd) return;
      if (cmd === "escape" && text && !findOpen && !connectFrom) return;
      if ((cmd === "find_next" || cmd === "find_prev") && !findOpen) return;
      e.preventDefault();
      void runRef.current(cmd);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dialog, findOpen, connectFrom]);

  // the menu speaks the window's language and shows its switches
  useEffect(() => {
    if (hasMenu()) void api.setMenuState(i18n.language === "en", minimap, needLayerVisible).catch(() => undefined);
  }, [i18n.language, minimap, needLayerVisible]);

  const connectLabel = connectFrom ? d.variant?.steps.find((s) => s.id === connectFrom)?.label : null;
  const overlays: ReactNode = (
    <>
      {findOpen && !closed && (
        <FindBar
          query={query}
          onQuery={setQuery}
          index={findIndex}
          total={matches.length}
          onStep={(back) => void run(back ? "find_prev" : "find_next")}
          onClose={() => setFindOpen(false)}
          focusTick={findTick}
        />
      )}
      {connectLabel && (
        <div className="connect-hint" role="status">
          {t("keyboard.connectFrom", { label: connectLabel })}
        </div>
      )}
      {dialog === "shortcuts" && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === "about" && <AboutDialog onClose={() => setDialog(null)} />}
      {orphans && (
        <OrphanNeedsDialog
          steps={orphans.steps}
          needs={orphans.needs.map((id) => d.variant?.needs?.find((n) => n.id === id)?.title ?? id)}
          onChoose={(both) => {
            const needs = orphans.needs;
            setOrphans(null);
            void removeSelection(both ? needs : []);
          }}
          onClose={() => setOrphans(null)}
        />
      )}
      {dialog === "new" && <NewDocumentDialog onCreate={(req) => void createDocument(req)} onClose={() => setDialog(null)} />}
    </>
  );
  const startScreen: ReactNode = (
    <StartScreen onCreate={(req) => void createDocument(req)} onOpen={() => void run("open")} onOpenPath={(p) => void openPath(p)} />
  );

  return {
    run,
    multi,
    setMulti,
    closed,
    setClosed,
    minimap,
    needLayerVisible,
    setNeedLayerVisible,
    highlights,
    currentMatch: findIndex >= 0 ? (matches[findIndex]?.step ?? null) : null,
    renameRequest,
    needAt,
    setNeedAt,
    connectFrom,
    connectTo,
    status,
    overlays,
    startScreen,
  };
}

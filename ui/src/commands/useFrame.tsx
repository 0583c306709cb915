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
import { isFrameCommand, type CommandId, type FrameCommand, type MenuEvent } from "./ids";
import { keyToCommand } from "./keys";
import "../frame.css";
import { deletedSteps, deleteEdit, orphanedNeeds, pastedSteps } from "./selection";
import { OrphanNeedsDialog } from "../dialogs/OrphanNeedsDialog";

/** The commands that run with no document open: those that open one, and the window's own. */
const WITHOUT_DOCUMENT: ReadonlySet<CommandId> = new Set<CommandId>(["new", "open", "recent", "import", "lang:nb", "lang:en", "shortcuts", "guide", "about", "escape"]);

/** What a command's handler is called with: its id, the menu event's payload, the variant shown and the canvas. */
interface Call {
  id: FrameCommand;
  payload?: Partial<MenuEvent>;
  v: Variant | null;
  flow: Flow | null;
}
type Handler = (call: Call) => Promise<void> | void;

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
  /** The sub-pathway whose own flow is shown (null: the main flow). */
  flowShown: string | null;
  /** Shows a sub-pathway's own flow (null: the main flow). */
  openFlow: (id: string | null) => void;
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

  /**
   * One named handler per command the frame runs, as a table: the native menu, the page's
   * keys and the buttons all come through `run`. The type lists every frame command, so a
   * command without a handler does not compile; review, compare and walk-through commands
   * are useReview's.
   */
  const handlers = useMemo((): Record<FrameCommand, Handler> => {
    const openFile: Handler = async () => {
      const path = await open({ title: t("files.openTitle"), multiple: false, directory: false, filters: carepathFilter(t("files.carepathKind")) });
      if (typeof path === "string") await openPath(path);
    };
    const saveAs: Handler = async ({ v }) => {
      if (closed) return;
      const path = await save({ title: t("files.saveAsTitle"), filters: carepathFilter(t("files.carepathKind")) });
      if (!path) return;
      const target = path.endsWith(".carepath") ? path : `${path}.carepath`;
      await api.saveAs(target);
      setStatus(t("files.savedAs", { path: target }));
      await d.refresh(v?.id ?? null);
    };
    const importFile: Handler = async () => {
      await d.importFile();
      // an import opens its new document; a cancelled one leaves things as they were
      if (closed && (await api.documentPath().then(() => true, () => false))) {
        d.setSelection(null);
        setMulti([]);
        setClosed(false);
      }
    };
    const close: Handler = async () => {
      await api.closeDocument();
      d.setSelection(null);
      setMulti([]);
      setFindOpen(false);
      setClosed(true);
    };
    const undoRedo: Handler = async ({ id }) => {
      if (!closed && (id === "undo" || id === "redo")) await d.undoRedo(id);
    };
    const copy: Handler = async (call) => {
      const ids = selectedSteps();
      if (!call.v || ids.length === 0) return;
      const fragment = await api.copy(call.v.id, ids);
      // also on the system clipboard as JSON text, for other programs (best effort)
      navigator.clipboard?.writeText(JSON.stringify(fragment)).catch(() => undefined);
      setStatus(t("keyboard.copied", { n: ids.length }));
      if (call.id === "cut") await remove(call);
    };
    const paste: Handler = async ({ v }) => {
      if (!v) return;
      const edit = await api.paste(v.id, PASTE_OFFSET);
      if (await d.onEdit(edit)) {
        const ids = pastedSteps(edit);
        setMulti(ids);
        if (ids[0]) d.setSelection({ kind: "step", id: ids[0] });
        setStatus(t("keyboard.pasted", { n: ids.length }));
      }
    };
    const remove: Handler = async ({ v }) => {
      if (!v) return;
      const steps = deletedSteps(v, d.selection, multi);
      const orphans = orphanedNeeds(v, steps);
      // needs whose every step goes: ask whether they go too
      if (orphans.length > 0) setOrphans({ steps: steps.length, needs: orphans });
      else await removeSelection([]);
    };
    const find: Handler = () => {
      if (closed) return;
      setFindOpen(true);
      setFindTick((n) => n + 1);
    };
    const findStep: Handler = ({ id }) => {
      if (!findOpen || matches.length === 0) return;
      const i = stepIndex(findIndex, matches.length, id === "find_prev");
      setFindIndex(i);
      const step = matches[i].step;
      if (step) {
        d.setSelection({ kind: "step", id: step });
        setMulti([step]);
        d.reveal();
      }
    };
    const language: Handler = ({ id }) => setLanguage(id === "lang:nb" ? "nb" : "en");
    const escape: Handler = ({ v }) => {
      if (connectFrom) setConnectFrom(null);
      else if (findOpen) setFindOpen(false);
      else if (!d.selection && d.flowShown && v) {
        // nothing selected: up to the flow around the sub-pathway
        d.openFlow(v.steps.find((s) => s.id === d.flowShown)?.within ?? null);
      } else {
        d.setSelection(null);
        setMulti([]);
      }
    };
    const rename: Handler = async ({ id, v }) => {
      const sel = d.selection;
      if (!v || sel?.kind !== "step") return;
      if (id === "confirm" && connectFrom) {
        await connectTo(sel.id);
        return;
      }
      // Enter on a sub-pathway opens its own flow (F2 still renames it)
      if (id === "confirm" && v.steps.find((s) => s.id === sel.id)?.kind === "sub_pathway") {
        d.openFlow(sel.id);
        return;
      }
      setRenameRequest((r) => ({ id: sel.id, tick: (r?.tick ?? 0) + 1 }));
    };
    const addStep: Handler = async ({ v }) => {
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
    };
    // the context pad: a new step after the selected one, in its lane and phase, connected to
    // it, in one undoable edit; its label opens for typing
    const append: Handler = async ({ id, v }) => {
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
    };
    const selectNext: Handler = ({ id }) => {
      const dir = id.slice("select_".length) as Direction;
      const from = d.selection?.kind === "step" ? d.selection.id : null;
      const next = d.layout ? nearestInDirection(d.layout.steps, from, dir) : null;
      if (next) selectStep(next);
    };
    const move: Handler = async ({ id, v }) => {
      const dir = id.slice("move_".length) as Direction;
      const step = d.selection?.kind === "step" ? v?.steps.find((s) => s.id === d.selection?.id) : undefined;
      if (!v || !step || !d.layout) return;
      const cell = neighbourCell(d.layout, step, dir);
      if (!cell) return;
      // unpinned, so the layout places it in its new cell
      const moved: Step = { ...step, actor: cell.actor, phase: cell.phase, position: null };
      if (await d.onEdit({ op: "update_step", variant: v.id, step: moved })) selectStep(step.id);
    };
    return {
      new: () => setDialog("new"),
      open: openFile,
      recent: async ({ payload }) => {
        if (payload?.path) await openPath(payload.path);
      },
      save_as: saveAs,
      import: importFile,
      export: () => {
        if (!closed) d.openExport();
      },
      close,
      undo: undoRedo,
      redo: undoRedo,
      copy,
      cut: copy,
      paste,
      delete: remove,
      select_all: ({ v }) => {
        if (v) setMulti(v.steps.map((s) => s.id));
      },
      find,
      find_next: findStep,
      find_prev: findStep,
      zoom_in: ({ flow }) => void flow?.zoomIn({ duration: 150 }),
      zoom_out: ({ flow }) => void flow?.zoomOut({ duration: 150 }),
      fit: ({ flow }) => void flow?.fitView({ padding: 0.04, duration: 200 }),
      minimap: ({ payload }) => setMinimap((m) => payload?.checked ?? !m),
      need_layer: ({ payload }) => setNeedLayerVisible((m) => payload?.checked ?? !m),
      "lang:nb": language,
      "lang:en": language,
      shortcuts: () => setDialog("shortcuts"),
      about: () => setDialog("about"),
      guide: () => void api.openGuide().catch((e) => d.setError(asCoreError(e))),
      escape,
      confirm: rename,
      rename,
      add_step: addStep,
      append_activity: append,
      append_decision: append,
      append_event: append,
      append_end: append,
      add_need: () => {
        if (d.selection?.kind === "step") setNeedAt(d.selection.id);
      },
      connect: () => {
        if (d.selection?.kind === "step") setConnectFrom(d.selection.id);
      },
      select_left: selectNext,
      select_right: selectNext,
      select_up: selectNext,
      select_down: selectNext,
      move_left: move,
      move_right: move,
      move_up: move,
      move_down: move,
    };
  }, [d, t, closed, openPath, selectedSteps, multi, findOpen, matches, findIndex, connectFrom, connectTo, selectStep, setMulti, removeSelection]);

  const run = useCallback(
    async (id: CommandId, payload?: Partial<MenuEvent>) => {
      // review, compare and walk-through commands are useReview's
      if (!isFrameCommand(id)) return;
      // with no document open only the commands that open one (and the window's own) run
      if (closed && !WITHOUT_DOCUMENT.has(id)) return;
      try {
        await handlers[id]({ id, payload, v: d.variant, flow: d.flow.current });
      } catch (e) {
        const err = asCoreError(e);
        if (err.code !== "nothing_to_undo") d.setError(err);
      }
    },
    [d, closed, handlers],
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

  // the shell reopened the document because another program (git) replaced its file
  const replacedRef = useRef<(path: string) => Promise<void>>(async () => undefined);
  replacedRef.current = async (path: string) => {
    await afterOpen();
    setStatus(t("files.replaced", { path }));
  };
  useEffect(() => {
    if (!hasMenu()) return;
    const un = listen<string>("document-replaced", (e) => void replacedRef.current(e.payload));
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
    /** Shows a document the core has just opened (or joined): nothing selected, not closed. */
    afterOpen,
  };
}

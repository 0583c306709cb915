// The window: a toolbar (variant switcher, undo/redo, language), the canvas and the problems
// panel. The document lives in the core; the window holds what the core showed it
// (ui/src/store/shown.ts) and patches it from each edit's one Update.
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { open } from "./dialogs/files";
import { api, asCoreError, type CoreError } from "./api";
import { Diagram, type Selection } from "./canvas/Diagram";
import { FlowHandle, type Flow } from "./canvas/FlowHandle";
import { FlowTrail } from "./canvas/FlowTrail";
import { flowOf, intoFlow } from "./canvas/flowPath";
import type { CommandId } from "./commands/ids";
import { useFrame } from "./commands/useFrame";
import { ExportDialog } from "./dialogs/ExportDialog";
import { ImportReportDialog } from "./dialogs/ImportReportDialog";
import type { Document, Edit, ElementRef, Finding, ImportReport, UndoState, Update } from "./generated/carepath";
import { dispatch, fromCore, type Shown } from "./store/shown";
import { listen } from "@tauri-apps/api/event";
import { revealOf } from "./commands/reveal";
import { PropertiesPanel } from "./panels/PropertiesPanel";
import { NeedDialog } from "./panels/NeedDialog";
import { Sidebar } from "./panels/Sidebar";
import { ProblemsPanel } from "./ProblemsPanel";
import { CompareView } from "./compare/CompareView";
import { isReviewEdit } from "./review/logic";
import { ModeSidePanel, ModeToggles } from "./review/ModeViews";
import { ReviewMarkers } from "./review/ReviewMarkers";
import { useReview } from "./review/useReview";
import { useShared } from "./shared/useShared";
import { Presence, selectionKey } from "./shared/Presence";

export function App() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<Shown | null>(null);
  // the same, for handlers that run between renders
  const shown = useRef<Shown | null>(null);
  const [variantId, setVariantId] = useState<string | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [focusTick, setFocusTick] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [imported, setImported] = useState<{ source: string; report: ImportReport } | null>(null);
  // edits on their way to the core (the window is aria-busy meanwhile)
  const [pending, setPending] = useState(0);
  // review mode: only comments and decisions reach the core (ui/src/review)
  const readOnly = useRef(false);
  // the file itself may not be written (shell: Session::open_read_only): no edit reaches the core
  const [fileReadOnly, setFileReadOnly] = useState(false);
  const fileLocked = useRef(false);
  const [note, setNote] = useState<string | null>(null);
  // while drawing, unfinished-pathway errors are notes, until the user checks it all or exports
  const drawing = useRef(true);
  // the flow shown: a sub-pathway step's own, or (null) the variant's main flow
  const flowShown = useRef<string | null>(null);

  /** Asks the core for everything of variant `wanted` (null: the first), in `flow` (left out:
   * the flow shown, or the main flow of another variant). */
  const refresh = useCallback(async (wanted: string | null, flow?: string | null): Promise<Document | null> => {
    try {
      if (flow !== undefined) flowShown.current = flow;
      else if (wanted !== shown.current?.variantId) flowShown.current = null;
      const [core, locked] = await Promise.all([api.showView({ variant: wanted, drawing: drawing.current, flow: flowShown.current }), api.documentReadOnly()]);
      fileLocked.current = locked;
      setFileReadOnly(locked);
      const next = fromCore(core);
      flowShown.current = next.flow;
      shown.current = next;
      setState(next);
      setVariantId(next.variantId);
      return next.doc;
    } catch (e) {
      setError(asCoreError(e));
      return null;
    }
  }, []);

  /** Takes in one edit's Update; a missed message means asking for everything again. */
  const take = useCallback(
    async (u: Update): Promise<Document | null> => {
      const next = shown.current && dispatch(shown.current, u);
      if (!next) return refresh(u.variant ?? null);
      flowShown.current = next.flow;
      shown.current = next;
      setState(next);
      setVariantId(next.variantId);
      return next.doc;
    },
    [refresh],
  );
  const view = () => ({ variant: shown.current?.variantId ?? null, drawing: drawing.current, flow: flowShown.current });

  // what undo and redo would do: asked once, then told by the shell after every change
  const [history, setHistory] = useState<UndoState>({ undo: null, redo: null });
  useEffect(() => {
    let gone = false;
    const un = listen<UndoState>("history", (e) => setHistory(e.payload));
    void api.undoState().then((h) => gone || setHistory(h), () => undefined);
    return () => {
      gone = true;
      void un.then((f) => f());
    };
  }, []);
  useEffect(() => {
    void api.undoState().then(setHistory, () => undefined);
  }, [i18n.language]);

  useEffect(() => {
    void refresh(null);
  }, [refresh]);

  const onEdit = useCallback(
    async (edit: Edit) => {
      if (fileLocked.current) {
        setNote(t("files.readOnlyNote"));
        return false;
      }
      if (readOnly.current && !isReviewEdit(edit)) {
        setNote(t("review.readOnly"));
        return false;
      }
      setPending((n) => n + 1);
      try {
        const u = await api.applyEdit(intoFlow(edit, flowShown.current), view());
        setNote(null);
        await take(u);
        return true;
      } catch (e) {
        setError(asCoreError(e));
        await refresh(variantId);
        return false;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [refresh, take, variantId, t],
  );

  /** Selects an element, opening the flow it is drawn in first; `reveal` centres the view on
   * it (a finding, a compare entry), else the canvas only follows it when it is out of view. */
  const showIn = useCallback(
    async (variant: string | null, sel: NonNullable<Selection>, reveal = true) => {
      const v = shown.current?.doc.variants.find((x) => x.id === variant);
      const flow = v ? flowOf(v, sel) : null;
      if (flow !== flowShown.current || variant !== shown.current?.variantId) await refresh(variant, flow);
      setSelection(sel);
      if (reveal) setFocusTick((n) => n + 1);
    },
    [refresh],
  );

  const undoRedo = useCallback(
    async (which: "undo" | "redo") => {
      if (fileLocked.current) {
        setNote(t("files.readOnlyNote"));
        return;
      }
      try {
        const reviewOnly = readOnly.current;
        const what = which === "undo" ? history.undo : history.redo;
        const u = await (which === "undo" ? api.undo(reviewOnly, view()) : api.redo(reviewOnly, view()));
        const doc = await take(u);
        // show what came back or went: select it (the view follows) and say it
        const revealed = doc && revealOf(u.changed, doc, variantId);
        if (revealed?.selection) await showIn(revealed.variant ?? variantId, revealed.selection, false);
        else if (revealed?.variant && revealed.variant !== variantId) await refresh(revealed.variant);
        if (what) setNote(t("toolbar.didHistory", { what }));
      } catch (e) {
        const err = asCoreError(e);
        if (err.code === "review_only") setNote(t("review.undoModel"));
        else if (err.code !== "nothing_to_undo") setError(err);
      }
    },
    [refresh, take, variantId, t, history, showIn],
  );

  const autoArrange = useCallback(async () => {
    if (!variantId) return;
    try {
      // one edit, applied like any other, so one Ctrl+Z undoes it; nothing to do when no
      // step is pinned
      const edit = await api.autoArrange(variantId);
      if (edit.op === "batch" && edit.edits.length === 0) return;
      await onEdit(edit);
    } catch (e) {
      setError(asCoreError(e));
    }
  }, [onEdit, variantId]);

  const importFile = useCallback(async () => {
    try {
      const picked = await open({
        multiple: false,
        directory: false,
        filters: [{ name: t("import.fileKind"), extensions: ["bpmn", "bpmn2", "xml", "json"] }],
      });
      if (typeof picked !== "string") return;
      const report = await api.importDocument(picked, null);
      setSelection(null);
      await refresh(null);
      const bpmn = !picked.toLowerCase().endsWith(".json");
      if (bpmn || report.skipped.length > 0 || report.approximated.length > 0) setImported({ source: picked, report });
    } catch (e) {
      setError(asCoreError(e));
    }
  }, [refresh, t]);


  /** Shows a sub-pathway's own flow (null: the main flow); the canvas opens on it. */
  const openFlow = useCallback(
    async (id: string | null, select: string | null = null) => {
      setSelection(null);
      const doc = await refresh(shown.current?.variantId ?? null, id);
      const name = id && doc?.variants.find((v) => v.id === shown.current?.variantId)?.steps.find((s) => s.id === id)?.label;
      setNote(name ? t("flow.opened", { name }) : null);
      if (select) setSelection({ kind: "step", id: select });
    },
    [refresh, t],
  );

  const pickFinding = useCallback(
    (f: Finding) => {
      const el = f.elements.find((e) => e.kind === "step" || e.kind === "transition" || e.kind === "need");
      if (el && (el.kind === "step" || el.kind === "transition" || el.kind === "need")) {
        void showIn(f.variant ?? variantId, { kind: el.kind, id: el.id });
      } else if (f.variant && f.variant !== variantId) void refresh(f.variant);
    },
    [refresh, variantId, showIn],
  );

  const doc = state?.doc;
  const variant = doc?.variants.find((v) => v.id === state?.variantId);

  // menu, keys, files, multi-selection, find and dialogs (ui/src/commands)
  const flowRef = useRef<Flow | null>(null);
  /** Exporting means the pathway should be complete: from then on every error counts fully. */
  const startExport = () => {
    if (drawing.current) {
      drawing.current = false;
      void refresh(variantId);
    }
    setExporting(true);
  };
  const frame = useFrame({
    doc: doc ?? null,
    variant: variant ?? null,
    layout: state?.layout ?? null,
    selection,
    setSelection,
    reveal: () => setFocusTick((n) => n + 1),
    onEdit,
    undoRedo,
    refresh,
    setError,
    openExport: () => startExport(),
    importFile,
    flow: flowRef,
    flowShown: state?.flow ?? null,
    openFlow: (id) => void openFlow(id),
  });
  const { needLayerVisible, connectFrom, connectTo, run } = frame;
  // a click on the canvas selects; in connect mode a click on another step connects to it
  const onCanvasSelect = useCallback(
    (s: Selection) => {
      if (connectFrom && s?.kind === "step" && s.id !== connectFrom) void connectTo(s.id);
      setSelection(s);
    },
    [connectFrom, connectTo],
  );
  const onCommand = useCallback((cmd: CommandId) => void run(cmd), [run]);
  const review = useReview({ hasDocument: !!doc && !frame.closed, refresh: () => refresh(variantId), setError, setStatus: setNote });
  readOnly.current = review.on;
  const shared = useShared({
    docId: doc && !frame.closed ? doc.id : null,
    author: review.author,
    selection: selectionKey(selection),
    view,
    take,
    opened: frame.afterOpen,
    setNote,
    setError,
  });
  // while shared, undo and redo take back one's own edits only: what they would do changes with it
  const sharedPlace = shared.sharing.place;
  useEffect(() => {
    void api.undoState().then(setHistory, () => undefined);
  }, [sharedPlace]);
  /** Selects and reveals a step, transition or need (from compare, review and walk-through). */
  const goTo = (r: ElementRef) => {
    if (r.kind !== "step" && r.kind !== "transition" && r.kind !== "need") return;
    review.setComparing(false);
    void showIn(r.variant, { kind: r.kind, id: r.id });
  };
  const showStart = frame.closed || (!doc && error !== null);
  // the shell sets the window title; the page title matches it from the same paint on which
  // the document shows (a passive effect could run after it, under load noticeably later)
  useLayoutEffect(() => {
    document.title = doc && !showStart ? `${doc.metadata.title} — Carepath` : "Carepath";
  }, [doc, showStart]);

  // the step numbers the diagram shows, for lists of steps in flow order
  const stepLayout = state?.layout;
  const stepNumbers = useMemo(() => new Map((stepLayout?.steps ?? []).map((b) => [b.id, b.number])), [stepLayout]);
  const properties = doc && <PropertiesPanel doc={doc} variant={variant} selection={selection} onSelect={setSelection} onEdit={onEdit} numbers={stepNumbers} onDelete={() => void run("delete")} onOpenFlow={(id) => void openFlow(id)} />;

  return (
    <div className="app" aria-busy={pending > 0 || undefined}>
      <header className="toolbar">
        <h1 className="doc-title" title={(!showStart && doc?.metadata.title) || undefined}>
          {(!showStart && doc?.metadata.title) || "Carepath"}
        </h1>
        {doc && !showStart && doc.variants.length > 0 && (
          <nav className="variants" aria-label={t("toolbar.variant")}>
            {doc.variants.map((v) => (
              <button
                key={v.id}
                className={v.id === variantId ? "active" : ""}
                aria-pressed={v.id === variantId}
                title={t(`variantKind.${v.kind}`)}
                onClick={() => {
                  setSelection(null);
                  void refresh(v.id);
                }}
              >
                {v.name}
              </button>
            ))}
          </nav>
        )}
        <div className="spacer" />
        <button
          className="toggle"
          aria-pressed={needLayerVisible}
          onClick={() => frame.setNeedLayerVisible(!needLayerVisible)}
          title={t("layer.toggleHint")}
          disabled={!doc || showStart}
        >
          {needLayerVisible ? "☑" : "☐"} {t("layer.toggle")}
        </button>
        <ModeToggles modes={review} disabled={!doc || showStart} />
        <button onClick={() => void autoArrange()} title={t("toolbar.arrangeHint")} disabled={!variantId || showStart || review.on || fileReadOnly}>
          {t("toolbar.arrange")}
        </button>
        <button onClick={() => void frame.run("find")} title={t("find.label") + " (Ctrl+F)"} disabled={!doc || showStart}>
          {t("find.label")}
        </button>
        <button onClick={() => startExport()} title={t("toolbar.exportHint")} disabled={!doc || showStart} aria-haspopup="dialog">
          {t("toolbar.export")}
        </button>
        <button className="icon history" onClick={() => void undoRedo("undo")} title={`${history.undo ?? t("toolbar.nothingToUndo")} (Ctrl+Z)`} aria-label={history.undo ?? t("toolbar.undo")} disabled={showStart || !history.undo}>
          ↶
        </button>
        <button className="icon history" onClick={() => void undoRedo("redo")} title={`${history.redo ?? t("toolbar.nothingToRedo")} (Ctrl+Shift+Z)`} aria-label={history.redo ?? t("toolbar.redo")} disabled={showStart || !history.redo}>
          ↷
        </button>
      </header>
      {error && (
        <div className="error-banner" role="alert">
          <strong>{t("error.title")}:</strong> {error.message} <code>({error.code})</code>
          <button onClick={() => setError(null)}>{t("error.dismiss")}</button>
        </div>
      )}
      {fileReadOnly && !showStart && (
        <div className="review-banner file-read-only-banner" role="note">
          {t("files.readOnly")} <button onClick={() => void frame.run("save_as")}>{t("files.saveCopy")}</button>
        </div>
      )}
      {review.on && !showStart && <div className="review-banner" role="note">{t("review.modeOn")}</div>}
      {doc && !showStart && !review.comparing && variant && <FlowTrail variant={variant} flow={state?.flow ?? null} onOpen={(id) => void openFlow(id)} />}
      <main className="workspace">
        {!showStart && doc && !review.comparing && (
          <fieldset className="read-only-panel" disabled={review.on || fileReadOnly} aria-label={review.on ? t("review.readOnlyCaption") : fileReadOnly ? t("files.readOnlyNote") : undefined}>
          {review.on && <div className="read-only-caption">{t("review.readOnlyCaption")}</div>}
          <Sidebar
            doc={doc}
            variantId={variantId}
            onEdit={onEdit}
            onSwitchVariant={(id) => {
              setSelection(null);
              void refresh(id);
            }}
          />
          </fieldset>
        )}
        {showStart ? (
          frame.startScreen
        ) : doc && review.comparing ? (
          <CompareView doc={doc} variantId={variantId} setError={setError} selectOnCanvas={goTo} fileRequest={review.fileRequest} />
        ) : !doc ? (
          <p className="loading">{t("app.loading")}</p>
        ) : !variant || !state?.layout ? (
          <p className="loading">{t("app.noVariants")}</p>
        ) : (
          // a fresh canvas per document and variant, so each opens on its pathway
          <ReactFlowProvider key={`${doc.id}/${variant.id}/${state.flow ?? ""}`}>
            <FlowHandle into={flowRef} />
            <Diagram
              doc={doc}
              variant={variant}
              layout={state.layout}
              selection={selection}
              onSelect={onCanvasSelect}
              onEdit={onEdit}
              onCommand={onCommand}
              onOpenFlow={(id) => void openFlow(id)}
              nested={!!state.flow}
              focusTick={focusTick}
              multi={frame.multi}
              onMulti={frame.setMulti}
              highlights={frame.highlights}
              current={frame.currentMatch}
              showMinimap={frame.minimap}
              renameRequest={frame.renameRequest}
              needLayerVisible={needLayerVisible}
              findings={state?.findings ?? []}
              readOnly={review.on || fileReadOnly}
              overlay={
                <>
                  {review.on && <ReviewMarkers doc={doc} variant={variant.id} layout={state.layout} needsShown={needLayerVisible} onSelect={setSelection} onPick={review.setPick} setError={setError} />}
                  <Presence people={shared.sharing.people} layout={state.layout} />
                </>
              }
            />
          </ReactFlowProvider>
        )}
        {frame.overlays}
        {frame.needAt && doc && variant && variant.steps.some((s) => s.id === frame.needAt) && (
          <NeedDialog
            doc={doc}
            variant={variant}
            at={{ step: frame.needAt }}
            numbers={stepNumbers}
            onEdit={onEdit}
            onAdded={(id) => setSelection({ kind: "need", id })}
            onClose={() => frame.setNeedAt(null)}
          />
        )}
        {doc && !showStart && <ModeSidePanel modes={review} doc={doc} variantId={variantId} selection={selection} onEdit={onEdit} setError={setError} goTo={goTo} />}
        {doc && !showStart && !review.comparing && !review.walking && !review.on && (
          <div className="right-column">
            {fileReadOnly ? (
              // a file that cannot be written: every field shown, none editable
              <fieldset className="read-only-panel" disabled aria-label={t("files.readOnlyNote")}>
                {properties}
              </fieldset>
            ) : (
              properties
            )}
            <ProblemsPanel
              doc={doc}
              findings={state?.findings ?? []}
              onPick={pickFinding}
              drawing={drawing.current}
              onEdit={onEdit}
              readOnly={fileReadOnly}
              onCheckAll={() => {
                drawing.current = false;
                void refresh(variantId);
              }}
            />
          </div>
        )}
      </main>
      <footer className="statusbar" role="status">
        {shared.badge}
        {note ?? frame.status ?? t("canvas.hint")}
      </footer>
      {review.dialogs}
      {shared.dialogs}
      {exporting && doc && <ExportDialog doc={doc} variantId={variantId} flow={state?.flow ?? null} aspect={state?.layout ? state.layout.width / Math.max(1, state.layout.height) : undefined} onClose={() => setExporting(false)} />}
      {imported && <ImportReportDialog source={imported.source} report={imported.report} onClose={() => setImported(null)} />}
    </div>
  );
}

// The swimlane canvas of one variant. Positions come from the core's layout; every change
// the user makes becomes an Edit sent to the core, after which the app re-reads the document.
import {
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type NodeChange,
  type OnConnectEnd,
  type OnNodeDrag,
} from "@xyflow/react";
import { ZoomVariable } from "./ZoomVariable";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Document, Edit, Finding, Layout, Step, StepKind, Variant } from "../generated/carepath";
import { newStep, paletteCell } from "../panels/logic";
import { uuidv7 } from "../uuid";
import { cellAt, clampInto } from "./geometry";
import { Legend } from "./Legend";
import { NeedLayer, type NeedLayerNodeType } from "./NeedLayer";
import { openingView, revealDelta } from "./opening";
import { SIGNAL_STYLE, TRANSITION_STYLE } from "./needStyle";
import { Palette, STEP_KIND_MIME } from "./Palette";
import { ProblemBadges } from "./ProblemBadges";
import { Reuser, signatureOf } from "./reuse";
import type { PadCommand } from "./ContextPad";
import { CanvasActionsProvider, type CanvasActions } from "./actions";
import { RouteEdge } from "./RouteEdge";
import { StepNode, typingAnotherLabel, type StepNodeType } from "./StepNode";
import { StickyHeaders } from "./StickyHeaders";
import { Swimlanes, type SwimlanesNodeType } from "./Swimlanes";

export type Selection = { kind: "step" | "transition" | "need"; id: string } | null;

const nodeTypes = { step: StepNode, swimlanes: Swimlanes, needs: NeedLayer };
const edgeTypes = { route: RouteEdge };

interface Props {
  doc: Document;
  variant: Variant;
  layout: Layout;
  selection: Selection;
  onSelect: (s: Selection) => void;
  onEdit: (edit: Edit) => Promise<boolean>;
  /** Bumped when the view should centre on the selection (e.g. from the problems panel). */
  focusTick: number;
  /** Every selected step besides `selection` (shift-click, rubber band, Select all). */
  multi?: ReadonlySet<string>;
  onMulti?: (stepIds: string[]) => void;
  /** Steps to highlight (find matches); `current` is the one find stepped to. */
  highlights?: ReadonlySet<string>;
  current?: string | null;
  showMinimap?: boolean;
  /** Opens the label editor of a step (keyboard rename); a new tick asks again. */
  renameRequest?: { id: string; tick: number } | null;
  /** Whether the data-sharing need layer (and its legend entries) is shown. */
  needLayerVisible: boolean;
  /** Validation findings; elements with findings carry a badge. */
  findings: readonly Finding[];
  /** Review mode: no dragging, adding, connecting or renaming (ui/src/review). */
  readOnly?: boolean;
  /** Drawn over the canvas, in diagram coordinates (review markers). */
  overlay?: ReactNode;
  /** Runs a command of the window: the context pad's append and connect. */
  onCommand?: (cmd: PadCommand) => void;
  /** Opens a sub-pathway's own flow (double-click, or its ⊞ mark). */
  onOpenFlow?: (stepId: string) => void;
  /** Whether the layout is a sub-pathway's own flow (it opens on its first phase with steps). */
  nested?: boolean;
}

type AnyNode = StepNodeType | SwimlanesNodeType | NeedLayerNodeType;

/** A layer as large as the diagram, behind the steps, that takes no pointer events itself. */
function wholeDiagram(layout: Layout) {
  return {
    position: { x: 0, y: 0 },
    draggable: false,
    selectable: false,
    focusable: false,
    connectable: false,
    zIndex: -1,
    width: layout.width,
    height: layout.height,
    style: { pointerEvents: "none" as const },
  };
}

/** From this many steps on, the canvas draws only the steps and arrows in view. */
const LARGE_PATHWAY = 300;

/** What a node is drawn from: the background and the need layer carry the whole layout and
 * document, but draw only a part of them. */
function nodeSignature(n: AnyNode): string {
  if (n.type === "swimlanes") {
    const l = n.data.layout;
    return signatureOf([l.lanes, l.columns, l.width, l.height, l.lane_header_width, l.column_header_height]);
  }
  if (n.type === "needs") {
    const d = n.data;
    return signatureOf([d.variant.needs, d.layout.needs, d.layout.width, d.layout.height, d.doc.actors, d.doc.info_types, d.selection, d.multiNeeds]);
  }
  // plain values only (the handlers come through CanvasActionsProvider)
  return signatureOf(n);
}

export function Diagram(props: Props) {
  const { doc, variant, layout, selection, onSelect, onEdit, focusTick, needLayerVisible, findings } = props;
  const { multi, onMulti, highlights, current, showMinimap, renameRequest } = props;
  const { t } = useTranslation();
  const flow = useReactFlow();
  const [editing, setEditing] = useState<string | null>(null);
  const [armed, setArmed] = useState<StepKind | null>(null);
  const [focusStep, setFocusStep] = useState<string | null>(null);
  useEffect(() => {
    if (renameRequest && !props.readOnly) setEditing(renameRequest.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [renameRequest]);
  const steps = useMemo(() => new Map(variant.steps.map((s) => [s.id, s])), [variant]);

  // stable, so that the step nodes (which carry it) stay the same objects across edits
  const latest = useRef({ steps, onEdit, variantId: variant.id, onCommand: props.onCommand, onOpenFlow: props.onOpenFlow });
  latest.current = { steps, onEdit, variantId: variant.id, onCommand: props.onCommand, onOpenFlow: props.onOpenFlow };
  const openFlow = useCallback((id: string) => latest.current.onOpenFlow?.(id), []);
  const pad = useCallback((cmd: PadCommand) => latest.current.onCommand?.(cmd), []);
  // the pad shows beside the one selected step of an editable diagram
  const single = selection?.kind === "step" && (!multi?.size || (multi.size === 1 && multi.has(selection.id)));
  const padFor = !props.readOnly && props.onCommand && single ? selection.id : null;
  // a click on a step or a need: alone it selects just that; with a modifier (`additive`) it
  // adds the element to the multi-selection, or takes it out when it is in already
  const multiNeeds = useMemo(() => (variant.needs ?? []).filter((n) => multi?.has(n.id)).map((n) => n.id), [variant, multi]);
  const picking = useRef({ multi, selection, onMulti, onSelect });
  picking.current = { multi, selection, onMulti, onSelect };
  const pick = useCallback((kind: "step" | "need", id: string, additive: boolean) => {
    const { multi, selection, onMulti, onSelect } = picking.current;
    if (!additive) {
      onMulti?.([]);
      onSelect({ kind, id });
      return;
    }
    const ids = new Set(multi);
    if (selection?.kind === "step" || selection?.kind === "need") ids.add(selection.id);
    if (ids.has(id)) {
      ids.delete(id);
      if (selection?.id === id) onSelect(null);
    } else {
      ids.add(id);
      onSelect({ kind, id });
    }
    onMulti?.([...ids]);
  }, []);
  const pickNeed = useCallback((id: string, additive: boolean) => pick("need", id, additive), [pick]);
  const rename = useCallback((id: string, label: string | null, byKey: boolean) => {
    setEditing(null);
    // Enter or Escape leaves the keyboard on the step, to go on from there
    if (byKey) setFocusStep(id);
    const { steps, onEdit, variantId } = latest.current;
    const step = steps.get(id);
    if (!step || label === null || label.trim() === "" || label === step.label) return;
    void onEdit({ op: "update_step", variant: variantId, step: { ...step, label: label.trim() } });
  }, []);

  const openTitle = t("flow.open");
  const actions = useMemo<CanvasActions>(() => ({ rename, pad, pickNeed, openFlow, openTitle }), [rename, pad, pickNeed, openFlow, openTitle]);

  const laneNames = useMemo(
    () =>
      layout.lanes.map((l) =>
        l.actor ? (doc.actors.find((a) => a.id === l.actor)?.name ?? "?") : t("canvas.unassignedLane"),
      ),
    [doc, layout, t],
  );
  const columnNames = useMemo(
    () =>
      layout.columns.map((c) =>
        c.phase ? (doc.phases.find((p) => p.id === c.phase)?.name ?? "?") : t("canvas.unassignedColumn"),
      ),
    [doc, layout, t],
  );

  // one edit re-renders only what it changed (see reuse.ts)
  const nodeReuse = useRef(new Reuser<AnyNode>());
  const edgeReuse = useRef(new Reuser<Edge>());
  const built = useMemo<AnyNode[]>(() => {
    const background: SwimlanesNodeType = { ...wholeDiagram(layout), id: "swimlanes", type: "swimlanes", data: { layout } };
    const stepNodes: StepNodeType[] = layout.steps.flatMap((b) => {
      const step = steps.get(b.id);
      if (!step) return [];
      return [
        {
          id: b.id,
          type: "step",
          position: { x: b.x, y: b.y },
          width: b.w,
          height: b.h,
          data: {
            step,
            editing: editing === b.id,
            pad: padFor === b.id,
            number: { n: b.number, x: b.number_at.x - b.x, y: b.number_at.y - b.y, r: b.number_r },
            participants: (b.participants ?? []).map((m) => ({ name: m.name, colour: m.colour, x: m.at.x - b.x, y: m.at.y - b.y, r: m.r })),
          },
          selected: (selection?.kind === "step" && selection.id === b.id) || !!multi?.has(b.id),
          className: highlights?.has(b.id) ? (current === b.id ? "find-match current" : "find-match") : undefined,
          ariaLabel: b.participants?.length ? `${step.label} (${t("props.with")} ${b.participants.map((m) => m.name).join(", ")})` : step.label,
        },
      ];
    });
    const needLayer: NeedLayerNodeType = {
      ...wholeDiagram(layout),
      // above the pane (a layer at -1 lies under it, and its lines and badges took no click),
      // below the steps, which come after it
      zIndex: 0,
      id: "need-layer",
      type: "needs",
      data: { doc, variant, layout, selection, multiNeeds },
    };
    const all = needLayerVisible ? [background, needLayer, ...stepNodes] : [background, ...stepNodes];
    return nodeReuse.current.share(all, nodeSignature);
  }, [layout, steps, editing, selection, multi, highlights, current, needLayerVisible, doc, variant, padFor, multiNeeds, t]);

  const [nodes, setNodes] = useState<AnyNode[]>(built);
  // while a step is dragged, a new selection (React Flow selects on drag start) must not put
  // the nodes back where the layout has them; the drop's edit re-reads the layout anyway
  const dragging = useRef(false);
  useEffect(() => {
    if (!dragging.current) setNodes(built);
  }, [built]);
  const onNodesChange = useCallback(
    (changes: NodeChange<AnyNode>[]) =>
      setNodes((ns) => {
        const next = applyNodeChanges(changes, ns);
        // measured sizes only: remember the measured copies, so the next edit hands React
        // Flow the objects it already knows (else it measures every step again)
        // (a measured copy keeps the data object of the node it copies)
        if (changes.every((c) => c.type === "dimensions")) nodeReuse.current.adopt(next, (a, b) => a.data === b.data);
        return next;
      }),
    [],
  );

  // transitions follow the layout's routes, so the canvas and the exports share geometry;
  // one the layout has no route for (none yet) is drawn as a plain orthogonal path
  const edges = useMemo<Edge[]>(() => {
    const routes = new Map(layout.edges.map((r) => [r.id, r]));
    const boxes = new Map(layout.steps.map((b) => [b.id, b]));
    const fresh = variant.transitions.map((tr): Edge => {
      const route = routes.get(tr.id);
      const signal = tr.signal && tr.signal !== "none" ? SIGNAL_STYLE[tr.signal] : undefined;
      const colour = signal?.line ?? TRANSITION_STYLE[tr.kind].colour;
      const fromBox = boxes.get(tr.from);
      const toBox = boxes.get(tr.to);
      const routed = route && fromBox && toBox && route.points.length >= 2;
      return {
        id: tr.id,
        source: tr.from,
        target: tr.to,
        ...(routed ? { type: "route", data: { route, fromBox, toBox } } : { type: "smoothstep", label: tr.label || undefined }),
        className: `transition-${tr.kind}${signal ? ` signal-${tr.signal}` : ""}`,
        selected: selection?.kind === "transition" && selection.id === tr.id,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: colour },
        // the export's colour and dash per kind, a signal's colour and weight
        style: { stroke: colour, strokeWidth: signal ? 2.2 : undefined, strokeDasharray: TRANSITION_STYLE[tr.kind].dash ?? undefined },
        labelBgPadding: [4, 2] as [number, number],
        labelBgBorderRadius: 3,
      };
    });
    return edgeReuse.current.share(fresh, signatureOf);
  }, [variant, layout, selection]);

  // centre on the selection when asked
  useEffect(() => {
    if (!focusTick || !selection) return;
    let box = selection.kind === "step" ? layout.steps.find((b) => b.id === selection.id) : undefined;
    if (selection.kind === "transition") {
      const tr = variant.transitions.find((x) => x.id === selection.id);
      box = tr ? layout.steps.find((b) => b.id === tr.from) : undefined;
    }
    if (selection.kind === "need") {
      const n = variant.needs?.find((x) => x.id === selection.id);
      box = n ? layout.steps.find((b) => n.steps.includes(b.id)) : undefined;
    }
    if (box) void flow.setCenter(box.x + box.w / 2, box.y + box.h / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusTick]);

  // the view follows the edited step: when an edit (or undo, redo) moves or adds the selected
  // step out of view, or under the sticky names, pan just enough to show it. Only after an
  // edit: a step clicked stays where the pointer is.
  const selectedStep = useRef<string | null>(null);
  selectedStep.current = selection?.kind === "step" ? selection.id : null;
  const shownLayout = useRef(layout);
  useEffect(() => {
    const previous = shownLayout.current;
    shownLayout.current = layout;
    if (previous === layout) return;
    const id = selectedStep.current;
    if (!id || dragging.current) return;
    const selectedStepId = id;
    const box = layout.steps.find((b) => b.id === selectedStepId);
    const pane = document.querySelector(".diagram");
    if (!box || !pane) return;
    const view = flow.getViewport();
    const horizontal = layout.orientation !== "vertical";
    const left = horizontal ? layout.lane_header_width * view.zoom : 0;
    const top = horizontal ? layout.column_header_height * view.zoom : layout.lane_header_width * view.zoom;
    const [x0, y0] = [Math.min(box.x, box.label.x), Math.min(box.y, box.label.y)];
    const [x1, y1] = [Math.max(box.x + box.w, box.label.x + box.label.w), Math.max(box.y + box.h, box.label.y + box.label.h)];
    const { dx, dy } = revealDelta(view, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, pane.clientWidth, pane.clientHeight, left, top);
    if (dx || dy) void flow.setViewport({ x: view.x + dx, y: view.y + dy, zoom: view.zoom }, { duration: 200 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout]);

  const onNodeDragStop: OnNodeDrag<AnyNode> = useCallback(
    (_e, _node, dragged) => {
      dragging.current = false;
      // several selected steps move together, as one edit
      const moves: Edit[] = [];
      for (const node of dragged) {
        const step = steps.get(node.id);
        if (!step) continue;
        const w = node.width ?? 0;
        const h = node.height ?? 0;
        const cell = cellAt(layout, node.position.x + w / 2, node.position.y + h / 2);
        if (!cell) {
          setNodes(built); // dropped over a header: back where it was
          return;
        }
        const position = clampInto(cell, node.position.x, node.position.y, w, h);
        const moved: Step = { ...step, actor: cell.actor, phase: cell.phase, position };
        moves.push({ op: "update_step", variant: variant.id, step: moved });
      }
      if (moves.length === 0) return;
      const edit: Edit = moves.length === 1 ? moves[0] : { op: "batch", label: "move", edits: moves };
      void onEdit(edit).then((ok) => ok || setNodes(built));
    },
    [steps, layout, onEdit, variant.id, built],
  );

  /** Adds a step and opens its label for typing at once (Enter names it, Escape keeps the
   * default name); the step keeps the focus afterwards. */
  const addStep = useCallback(
    (kind: StepKind, actor: string | null, phase: string | null) => {
      const step = newStep(uuidv7(), kind, t(`canvas.newLabel.${kind}`), actor, phase);
      void onEdit({ op: "add_step", variant: variant.id, step }).then((ok) => {
        if (!ok) return;
        onSelect({ kind: "step", id: step.id });
        setEditing(step.id);
      });
    },
    [onEdit, onSelect, t, variant.id],
  );

  /** Adds a step of `kind` in the cell under a screen point; false over a header. */
  const addAt = useCallback(
    (kind: StepKind, clientX: number, clientY: number) => {
      const p = flow.screenToFlowPosition({ x: clientX, y: clientY });
      const cell = cellAt(layout, p.x, p.y);
      if (!cell) return false;
      addStep(kind, cell.actor, cell.phase);
      return true;
    },
    [flow, layout, addStep],
  );

  const onDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      const target = e.target as HTMLElement;
      if (props.readOnly || target.closest(".react-flow__node, .react-flow__edge, .react-flow__controls, .react-flow__panel, .need, .finding-badge")) return;
      addAt(armed ?? "activity", e.clientX, e.clientY);
      setArmed(null);
    },
    [addAt, armed, props.readOnly],
  );

  // a step added from the palette by keyboard takes the focus once it is drawn
  useEffect(() => {
    if (!focusStep) return;
    // a label being typed keeps the focus: a focus request still pending from an earlier step
    // must not take it (the editor would close)
    // (the editor of this very step is closing: then the step takes the focus)
    if (typingAnotherLabel(focusStep)) {
      setFocusStep(null);
      return;
    }
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${focusStep}"]`);
    if (el) {
      el.focus();
      setFocusStep(null);
    }
  }, [focusStep, nodes]);

  // Escape puts the armed palette kind down
  useEffect(() => {
    if (!armed) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setArmed(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [armed]);

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target) return;
      void onEdit({
        op: "add_transition",
        variant: variant.id,
        transition: { id: uuidv7(), from: c.source, to: c.target, label: "", kind: "normal" },
      });
    },
    [onEdit, variant.id],
  );

  // a connection dropped anywhere on a step (not only on its small handle) connects to it
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      const point = "changedTouches" in event ? event.changedTouches[0] : event;
      if (!point) return;
      const hit = document.elementFromPoint(point.clientX, point.clientY)?.closest(".react-flow__node-step");
      const other = hit?.getAttribute("data-id");
      if (!other || other === state.fromNode.id) return;
      const out = state.fromHandle.type === "source";
      onConnect({ source: out ? state.fromNode.id : other, target: out ? other : state.fromNode.id, sourceHandle: null, targetHandle: null });
    },
    [onConnect],
  );

  // Delete, and the other keys, are handled by the window's commands (ui/src/commands)

  // The multi-selection changes only by the user's gestures (modifier-click, rubber band, pane
  // click). React Flow's own selection reports are not fed back: they lag the nodes given to
  // it by one render, and echoing them made selection and nodes chase each other forever.
  const stepIdsOf = (ns: readonly AnyNode[]) => ns.filter((n) => n.type === "step" && n.selected).map((n) => n.id);
  const onSelectionEnd = useCallback(() => onMulti?.(stepIdsOf(flow.getNodes() as AnyNode[])), [flow, onMulti]);

  // a step that gets keyboard focus (Tab) becomes the selection; a mouse press selects by
  // its click, after any drag
  const onFocus = useCallback(
    (e: React.FocusEvent) => {
      const el = e.target as HTMLElement;
      if (!el.matches?.(":focus-visible")) return;
      const id = el.closest?.(".react-flow__node-step")?.getAttribute("data-id");
      if (id && !(selection?.kind === "step" && selection.id === id)) onSelect({ kind: "step", id });
    },
    [onSelect, selection],
  );

  return (
    <div className="diagram-column">
    {!props.readOnly && <Palette
      armed={armed}
      onArm={setArmed}
      onAddHere={(kind) => {
        const cell = paletteCell(layout, variant, selection?.kind === "step" ? selection.id : null);
        addStep(kind, cell.actor, cell.phase);
      }}
    />}
    <div
      className={`diagram${armed ? " armed" : ""}`}
      onDoubleClick={onDoubleClick}
      onFocus={onFocus}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(STEP_KIND_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData(STEP_KIND_MIME) as StepKind;
        if (!kind || props.readOnly) return;
        e.preventDefault();
        addAt(kind, e.clientX, e.clientY);
      }}
    >
      <CanvasActionsProvider value={actions}>
      <ReactFlow<AnyNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={() => {
          dragging.current = true;
        }}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={(e, n) => {
          if (n.type === "step") pick("step", n.id, e.shiftKey || e.ctrlKey || e.metaKey);
        }}
        onNodeDoubleClick={(_e, n) => {
          if (n.type !== "step") return;
          // a sub-pathway opens (F2 renames it); any other step is renamed in place
          if (steps.get(n.id)?.kind === "sub_pathway" && props.onOpenFlow) props.onOpenFlow(n.id);
          else if (!props.readOnly) setEditing(n.id);
        }}
        onEdgeClick={(_e, ed) => onSelect({ kind: "transition", id: ed.id })}
        onPaneClick={(e) => {
          if (armed) {
            addAt(armed, e.clientX, e.clientY);
            setArmed(null);
          } else {
            onSelect(null);
            onMulti?.([]);
          }
        }}
        onSelectionEnd={onSelectionEnd}
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        selectionKeyCode="Shift"
        disableKeyboardA11y
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        connectionRadius={36}
        deleteKeyCode={null}
        panActivationKeyCode={null}
        zoomOnDoubleClick={false}
        onInit={(inst) => {
          // open on the pathway: the whole when readable, else its first phase
          const el = document.querySelector(".diagram");
          void inst.setViewport(openingView(layout, el ? el.clientWidth : 1200, el ? el.clientHeight : 800, !!props.nested));
        }}
        // a large pathway draws only what is in view (smooth dragging and zooming with 1,000
        // steps); a small one keeps every step in the page, where find and the keyboard reach it
        onlyRenderVisibleElements={layout.steps.length > LARGE_PATHWAY}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        nodesConnectable={!props.readOnly}
        nodesDraggable={!props.readOnly}
        elevateNodesOnSelect={false}
      >
        <StickyHeaders layout={layout} laneNames={laneNames} columnNames={columnNames} />
        <ZoomVariable />
        <ProblemBadges findings={findings} variant={variant.id} layout={layout} needsShown={needLayerVisible} onSelect={onSelect} />
        {props.overlay}
        <Legend showNeeds={needLayerVisible} />
        <Controls showInteractive={false} position="bottom-right" />
        {showMinimap && (
          <MiniMap
            position="bottom-right"
            pannable
            zoomable
            ariaLabel={t("view.minimap")}
            nodeColor={(n) => (n.type === "step" ? "#3d5a73" : "#edf2f6")}
            maskColor="rgba(31, 95, 139, 0.12)"
          />
        )}
      </ReactFlow>
      </CanvasActionsProvider>
    </div>
    </div>
  );
}

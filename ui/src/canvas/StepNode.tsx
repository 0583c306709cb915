// A step drawn by its kind: activity (rounded rectangle), decision (diamond), start and end
// (circles, label below), event (double circle, label below, as in the exports), sub-pathway
// (double-bordered rectangle with ⊞).
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo, useEffect, useRef } from "react";
import type { Step } from "../generated/carepath";
import { useCanvasActions, type CanvasActions } from "./actions";
import { ContextPad } from "./ContextPad";
import { countRender } from "./renderCount";

export type StepNodeData = {
  step: Step;
  /** The step's number and where its disc sits, relative to the node's top left. */
  number: { n: number; x: number; y: number; r: number };
  /** A joint step's other actors: a disc each in the actor's colour, named on hover. */
  participants?: { name: string; colour: string; x: number; y: number; r: number }[];
  editing: boolean;
  /** Whether the context pad shows here (the one selected step, editable). */
  pad: boolean;
};
export type StepNodeType = Node<StepNodeData, "step">;

/** Whether the focus is in the label editor of a step other than `stepId`, still on the page:
 * a programmatic focus must then wait, or the editor closes with its default name. */
export function typingAnotherLabel(stepId: string): boolean {
  const active = document.activeElement;
  if (!active?.classList.contains("step-label-input") || !active.isConnected) return false;
  return active.closest("[data-step-id]")?.getAttribute("data-step-id") !== stepId;
}

function LabelEditor({ step, onRename }: { step: Step; onRename: CanvasActions["rename"] }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  // the editor closes once: the blur that follows Enter or Escape (the input leaves the page)
  // must not send the label a second time
  const done = useRef(false);
  const finish = (value: string | null, byKey = false) => {
    if (done.current) return;
    done.current = true;
    onRename(step.id, value, byKey);
  };
  return (
    <input
      ref={ref}
      className="step-label-input nodrag nopan"
      defaultValue={step.label}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(e.currentTarget.value, true);
        if (e.key === "Escape") finish(null, true);
      }}
      onBlur={(e) => {
        // a blur because the input left the page (the node drawn anew, a fresh editor taking
        // over) is no answer; a blur because the user went elsewhere keeps what was typed
        const input = e.currentTarget;
        window.setTimeout(() => input.isConnected && finish(input.value), 0);
      }}
    />
  );
}

export function StepShape({ kind, w, h }: { kind: Step["kind"]; w: number; h: number }) {
  const s = 1.5;
  switch (kind) {
    case "decision":
      return <polygon className="shape" points={`${w / 2},${s} ${w - s},${h / 2} ${w / 2},${h - s} ${s},${h / 2}`} />;
    case "start":
    case "end":
      return <circle className="shape" cx={w / 2} cy={h / 2} r={Math.min(w, h) / 2 - (kind === "end" ? 3 : s)} />;
    case "event": {
      // a double circle, as the exports draw it
      const r = Math.min(w, h) / 2 - s;
      return (
        <>
          <circle className="shape" cx={w / 2} cy={h / 2} r={r} />
          <circle className="shape inner" cx={w / 2} cy={h / 2} r={Math.max(r - 4, 1)} />
        </>
      );
    }
    case "sub_pathway":
      return (
        <>
          <rect className="shape" x={s} y={s} width={w - 2 * s} height={h - 2 * s} rx={10} />
          <rect className="shape inner" x={5} y={5} width={w - 10} height={h - 10} rx={7} />
        </>
      );
    default:
      return <rect className="shape" x={s} y={s} width={w - 2 * s} height={h - 2 * s} rx={10} />;
  }
}

export const StepNode = memo(function StepNode({ data, width, height, selected }: NodeProps<StepNodeType>) {
  countRender("step");
  const { step, editing, number } = data;
  const actions = useCanvasActions();
  const w = width ?? 160;
  const h = height ?? 64;
  // circles carry their label below them, where the layout keeps room for it
  const below = step.kind === "start" || step.kind === "end" || step.kind === "event";
  return (
    <div className={`step step-${step.kind}${selected ? " selected" : ""}`} style={{ width: w, height: h }}>
      <svg className="step-shape" width={w} height={h}>
        <StepShape kind={step.kind} w={w} h={h} />
      </svg>
      <div className={below ? "step-label below" : "step-label inside"} data-step-id={step.id}>
        {editing ? <LabelEditor step={step} onRename={actions.rename} /> : <span className="step-label-text">{step.label}</span>}
      </div>
      {step.kind === "sub_pathway" && (
        <button
          type="button"
          className="subpathway-mark nodrag nopan"
          title={actions.openTitle}
          aria-label={actions.openTitle}
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            actions.openFlow(step.id);
          }}
        >
          ⊞
        </button>
      )}
      {/* the number alone, large, for a zoom too small for any label (level of detail) */}
      {number.n > 0 && (
        <div className="step-lod" aria-hidden="true">
          {number.n}
        </div>
      )}
      {data.pad && !editing && <ContextPad step={step} onCommand={actions.pad} />}
      {number.n > 0 && (
        <div
          className="step-number"
          aria-hidden="true"
          style={{ left: number.x - number.r, top: number.y - number.r, width: 2 * number.r, height: 2 * number.r }}
        >
          {number.n}
        </div>
      )}
      {(data.participants ?? []).map((m, i) => (
        <span
          key={i}
          className="step-participant"
          title={m.name}
          style={{ left: m.x - m.r, top: m.y - m.r, width: 2 * m.r, height: 2 * m.r, background: m.colour }}
        />
      ))}
      <Handle type="target" position={Position.Left} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

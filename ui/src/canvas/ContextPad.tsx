// The context pad beside the one selected step, as bpmn-js has it: append an activity, a
// decision, an event or an end after the step (in its lane and phase, connected to it; the
// new step's label opens for typing), connect the step to another by clicking it, or add an
// information need at it. Each button has a key (A, B, H, S, C, I) that works while the step has the focus, so a flow can be
// typed: A, the name, Enter, A … Drawn by React Flow's NodeToolbar, outside the node, so it
// keeps its size at every zoom.
import { NodeToolbar, Position } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import type { CommandId } from "../commands/ids";
import type { Step } from "../generated/carepath";

export type PadCommand = Extract<CommandId, "append_activity" | "append_decision" | "append_event" | "append_end" | "connect" | "add_need">;

const ITEMS: { cmd: PadCommand; key: string; label: string; icon: string }[] = [
  { cmd: "append_activity", key: "A", label: "pad.activity", icon: "▭" },
  { cmd: "append_decision", key: "B", label: "pad.decision", icon: "◇" },
  { cmd: "append_event", key: "H", label: "pad.event", icon: "◎" },
  { cmd: "append_end", key: "S", label: "pad.end", icon: "●" },
  { cmd: "connect", key: "C", label: "pad.connect", icon: "⤳" },
  { cmd: "add_need", key: "I", label: "pad.need", icon: "ⓘ" },
];

export function ContextPad(props: { step: Step; onCommand: (cmd: PadCommand) => void }) {
  const { t } = useTranslation();
  // nothing comes after an end
  const items = props.step.kind === "end" ? ITEMS.filter((i) => i.cmd === "connect" || i.cmd === "add_need") : ITEMS;
  return (
    <NodeToolbar isVisible position={Position.Right} align="start" offset={6} className="context-pad nodrag nopan" aria-label={t("pad.title", { label: props.step.label })}>
      {items.map((i) => (
        <button
          key={i.cmd}
          type="button"
          data-pad={i.cmd}
          title={`${t(i.label)} (${i.key})`}
          aria-label={`${t(i.label)} (${i.key})`}
          aria-keyshortcuts={i.key}
          // a click must not take the focus from the step, whose keys go on working
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => {
            e.stopPropagation();
            props.onCommand(i.cmd);
          }}
        >
          <span aria-hidden="true">{i.icon}</span>
        </button>
      ))}
    </NodeToolbar>
  );
}

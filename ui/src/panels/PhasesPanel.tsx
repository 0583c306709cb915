// Phases (columns): add, rename, describe, reorder, delete (refused with the count when
// steps use the phase).
import { useTranslation } from "react-i18next";
import type { Document, Edit, Phase } from "../generated/carepath";
import { uuidv7 } from "../uuid";
import type { Question } from "./ConfirmDialog";
import { TextField } from "./fields";
import { inUse, moveEdit, nextOrder, phaseUsage, updatePhase } from "./logic";
import { ListRow } from "./ListRow";

export function PhasesPanel({ doc, onEdit, ask }: { doc: Document; onEdit: (edit: Edit) => Promise<boolean>; ask: (q: Question) => void }) {
  const { t } = useTranslation();
  const phases = [...doc.phases].sort((a, b) => a.order - b.order);
  const set = (p: Phase, patch: Partial<Phase>) => void onEdit(updatePhase(p, patch));
  const remove = (p: Phase) => {
    const u = phaseUsage(doc, p.id);
    if (inUse(u)) ask({ message: t("sidebar.phaseInUse", { name: p.name, steps: u.steps }) });
    else ask({ message: t("sidebar.confirmPhase", { name: p.name }), onYes: () => void onEdit({ op: "remove_phase", id: p.id }) });
  };
  return (
    <div className="list-panel">
      <ul>
        {phases.map((p, i) => (
          <ListRow
            key={p.id}
            name={p.name}
            first={i === 0}
            last={i === phases.length - 1}
            onRename={(v) => set(p, { name: v })}
            onMove={(d) => {
              const e = moveEdit("phase", doc.phases, p.id, d);
              if (e) void onEdit(e);
            }}
            onRemove={() => remove(p)}
          >
            <TextField name="phase-description" label={t("props.description")} value={p.description ?? ""} multiline onCommit={(v) => set(p, { description: v })} />
          </ListRow>
        ))}
      </ul>
      <button
        type="button"
        className="add"
        onClick={() => void onEdit({ op: "add_phase", phase: { id: uuidv7(), name: t("sidebar.newPhase"), description: "", order: nextOrder(doc.phases) } })}
      >
        + {t("sidebar.addPhase")}
      </button>
    </div>
  );
}

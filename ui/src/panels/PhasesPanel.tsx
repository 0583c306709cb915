// Phases (columns): add at the end, insert after another or before the first, rename, describe, reorder, delete
// (refused with the count when steps use the phase). A phase just added takes the focus.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Document, Edit, Phase } from "../generated/carepath";
import { uuidv7 } from "../uuid";
import type { Question } from "./ConfirmDialog";
import { TextField } from "./fields";
import { moveEdit, nextOrder, updatePhase } from "./logic";
import { inUse, usageOf } from "./usage";
import { ListRow } from "./ListRow";

export function PhasesPanel({ doc, onEdit, ask }: { doc: Document; onEdit: (edit: Edit) => Promise<boolean>; ask: (q: Question) => void }) {
  const { t } = useTranslation();
  const phases = [...doc.phases].sort((a, b) => a.order - b.order);
  const set = (p: Phase, patch: Partial<Phase>) => void onEdit(updatePhase(p, patch));
  const remove = async (p: Phase) => {
    const u = await usageOf("phases", p.id);
    if (inUse(u)) ask({ message: t("sidebar.phaseInUse", { name: p.name, steps: u.steps }) });
    else ask({ message: t("sidebar.confirmPhase", { name: p.name }), onYes: () => void onEdit({ op: "remove_phase", id: p.id }) });
  };
  const [fresh, setFresh] = useState<string | null>(null);
  /** A new phase at `order` (the core moves the later ones along). */
  const add = (order: number) => {
    const phase: Phase = { id: uuidv7(), name: t("sidebar.newPhase"), description: "", order };
    void onEdit({ op: "add_phase", phase }).then((ok) => ok && setFresh(phase.id));
  };
  return (
    <div className="list-panel">
      <ul>
        {phases.map((p, i) => (
          <ListRow
            key={p.id}
            fresh={p.id === fresh}
            name={p.name}
            first={i === 0}
            last={i === phases.length - 1}
            onRename={(v) => set(p, { name: v })}
            onMove={(d) => {
              const e = moveEdit("phase", doc.phases, p.id, d);
              if (e) void onEdit(e);
            }}
            onRemove={() => remove(p)}
            action={
              <>
                {/* before the first; before any other is after the one above it */}
                {i === 0 && (
                  <button type="button" className="icon" onClick={() => add(p.order)} aria-label={`${t("sidebar.insertPhaseBefore")}: ${p.name}`} title={t("sidebar.insertPhaseBefore")}>
                    ⤒
                  </button>
                )}
                <button type="button" className="icon" onClick={() => add(p.order + 1)} aria-label={`${t("sidebar.insertPhaseAfter")}: ${p.name}`} title={t("sidebar.insertPhaseAfter")}>
                  +
                </button>
              </>
            }
          >
            <TextField name="phase-description" label={t("props.description")} value={p.description ?? ""} multiline onCommit={(v) => set(p, { description: v })} />
          </ListRow>
        ))}
      </ul>
      <button
        type="button"
        className="add"
        onClick={() => add(nextOrder(doc.phases))}
      >
        + {t("sidebar.addPhase")}
      </button>
    </div>
  );
}

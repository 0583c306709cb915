// Actors (lanes): add, rename, reorder, kind, organisation, colour, delete. A delete of an
// actor that steps or needs use is refused with the counts (the core would refuse it too).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Actor, Document, Edit } from "../generated/carepath";
import { uuidv7 } from "../uuid";
import type { Question } from "./ConfirmDialog";
import { SelectField, TextField, VOCAB, vocabulary } from "./fields";
import { moveEdit, nextOrder, updateActor } from "./logic";
import { inUse, usageOf } from "./usage";
import { ListRow } from "./ListRow";

interface Props {
  doc: Document;
  onEdit: (edit: Edit) => Promise<boolean>;
  ask: (q: Question) => void;
}

export function ActorsPanel({ doc, onEdit, ask }: Props) {
  const { t } = useTranslation();
  const actors = [...doc.actors].sort((a, b) => a.order - b.order);
  const set = (a: Actor, patch: Partial<Actor>) => void onEdit(updateActor(a, patch));
  const remove = async (a: Actor) => {
    const u = await usageOf("actors", a.id);
    if (inUse(u)) ask({ message: t("sidebar.actorInUse", { name: a.name, steps: u.steps, needs: u.needs }) });
    else ask({ message: t("sidebar.confirmActor", { name: a.name }), onYes: () => void onEdit({ op: "remove_actor", id: a.id }) });
  };
  // the actor just added, whose name field takes the focus (the core gives it a lane colour)
  const [fresh, setFresh] = useState<string | null>(null);
  const add = () => {
    const actor: Actor = { id: uuidv7(), name: t("sidebar.newActor"), kind: "other", organisation: "", order: nextOrder(doc.actors) };
    void onEdit({ op: "add_actor", actor }).then((ok) => ok && setFresh(actor.id));
  };
  return (
    <div className="list-panel">
      <ul>
        {actors.map((a, i) => (
          <ListRow
            key={a.id}
            fresh={a.id === fresh}
            name={a.name}
            first={i === 0}
            last={i === actors.length - 1}
            onRename={(v) => set(a, { name: v })}
            onMove={(d) => {
              const e = moveEdit("actor", doc.actors, a.id, d);
              if (e) void onEdit(e);
            }}
            onRemove={() => remove(a)}
            swatch={a.colour ?? undefined}
          >
            <SelectField name="actor-kind" label={t("props.kind")} value={a.kind} choices={vocabulary(t, "actorKind", VOCAB.actorKind)} onChange={(v) => v && set(a, { kind: v as Actor["kind"] })} />
            <TextField name="actor-organisation" label={t("sidebar.organisation")} value={a.organisation ?? ""} onCommit={(v) => set(a, { organisation: v })} />
            <div className="field colour-row">
              <label className="check">
                <input
                  type="color"
                  key={a.colour ?? "none"}
                  defaultValue={a.colour && /^#[0-9a-f]{6}$/i.test(a.colour) ? a.colour : "#dfe8ef"}
                  // a colour picker changes as the pointer moves; the edit goes when it closes
                  onBlur={(e) => e.currentTarget.value !== (a.colour ?? "#dfe8ef") && set(a, { colour: e.currentTarget.value })}
                  aria-label={`${t("sidebar.colour")}: ${a.name}`}
                />
                {t("sidebar.colour")}
              </label>
              {a.colour && (
                <button type="button" onClick={() => set(a, { colour: null })}>
                  {t("sidebar.noColour")}
                </button>
              )}
            </div>
          </ListRow>
        ))}
      </ul>
      <button type="button" className="add" onClick={add}>
        + {t("sidebar.addActor")}
      </button>
    </div>
  );
}

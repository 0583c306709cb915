// Variants: list, switch, rename, kind, create "Ønsket forløp" as a copy of the shown variant
// (Edit::CopyVariant, fresh id; element ids kept so the two compare), delete with a question.
import { useTranslation } from "react-i18next";
import type { Document, Edit, Variant, VariantKind } from "../generated/carepath";
import { uuidv7 } from "../uuid";
import type { Question } from "./ConfirmDialog";
import { SelectField, TextField, VOCAB, vocabulary } from "./fields";
import { uniqueName } from "./logic";
import { ListRow } from "./ListRow";

interface Props {
  doc: Document;
  variantId: string | null;
  onEdit: (edit: Edit) => Promise<boolean>;
  onSwitch: (id: string) => void;
  ask: (q: Question) => void;
}

export function VariantsPanel({ doc, variantId, onEdit, onSwitch, ask }: Props) {
  const { t } = useTranslation();
  const update = (v: Variant, patch: { name?: string; kind?: VariantKind; description?: string }) =>
    void onEdit({ op: "update_variant", id: v.id, name: patch.name ?? v.name, kind: patch.kind ?? v.kind, description: patch.description ?? v.description ?? "" });
  const copy = async () => {
    if (!variantId) return;
    const id = uuidv7();
    if (await onEdit({
        op: "copy_variant",
        source: variantId,
        id,
        name: uniqueName(t("sidebar.desiredName"), doc.variants.map((v) => v.name)),
        kind: "desired",
      })) onSwitch(id);
  };
  const remove = (v: Variant) =>
    ask({
      message: t("sidebar.confirmVariant", { name: v.name, steps: v.steps.length, transitions: v.transitions.length, needs: v.needs?.length ?? 0 }),
      onYes: () =>
        void onEdit({ op: "remove_variant", id: v.id }).then((ok) => {
          if (ok && v.id === variantId) onSwitch(doc.variants.find((x) => x.id !== v.id)?.id ?? "");
        }),
    });
  return (
    <div className="list-panel">
      <ul>
        {doc.variants.map((v, i) => (
          <ListRow
            key={v.id}
            name={v.name}
            first={i === 0}
            last={i === doc.variants.length - 1}
            onRename={(name) => update(v, { name })}
            onRemove={() => remove(v)}
            removeDisabled={doc.variants.length < 2 ? t("sidebar.lastVariant") : undefined}
            extra={
              <div className="variant-switch">
                {v.id === variantId ? (
                  <span className="current">{t("sidebar.current")}</span>
                ) : (
                  <button type="button" onClick={() => onSwitch(v.id)} aria-label={`${t("sidebar.switchTo")}: ${v.name}`}>
                    {t("sidebar.switchTo")}
                  </button>
                )}
                <span className="kind">{t(`variantKind.${v.kind}`)}</span>
              </div>
            }
          >
            <SelectField name="variant-kind" label={t("props.kind")} value={v.kind} choices={vocabulary(t, "variantKind", VOCAB.variantKind)} onChange={(k) => k && update(v, { kind: k as VariantKind })} />
            <TextField name="variant-description" label={t("props.description")} value={v.description ?? ""} multiline onCommit={(description) => update(v, { description })} />
          </ListRow>
        ))}
      </ul>
      <button type="button" className="add" onClick={() => void copy()} disabled={!variantId}>
        + {t("sidebar.copyDesired")}
      </button>
    </div>
  );
}

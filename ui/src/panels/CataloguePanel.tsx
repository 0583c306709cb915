// The information catalogue: add, edit name, the national information services it maps to
// (codes such as "IT17 IT07"; an unknown code is a warning), description and priority rank
// (1 first, orders the needs analysis), delete when
// no need carries the type (refused with the count otherwise).
import { useTranslation } from "react-i18next";
import type { Document, Edit, InfoType } from "../generated/carepath";
import { uuidv7 } from "../uuid";
import type { Question } from "./ConfirmDialog";
import { TextField } from "./fields";
import { codesOf, rankOf, updateInfoType } from "./logic";
import { inUse, usageOf } from "./usage";
import { ListRow } from "./ListRow";

export function CataloguePanel({ doc, onEdit, ask }: { doc: Document; onEdit: (edit: Edit) => Promise<boolean>; ask: (q: Question) => void }) {
  const { t } = useTranslation();
  const set = (it: InfoType, patch: Partial<InfoType>) => void onEdit(updateInfoType(it, patch));
  const remove = async (it: InfoType) => {
    const u = await usageOf("info_types", it.id);
    if (inUse(u)) ask({ message: t("sidebar.infoTypeInUse", { name: it.name, needs: u.needs }) });
    else ask({ message: t("sidebar.confirmInfoType", { name: it.name }), onYes: () => void onEdit({ op: "remove_info_type", id: it.id }) });
  };
  return (
    <div className="list-panel">
      <ul>
        {doc.info_types.map((it, i) => (
          <ListRow
            key={it.id}
            name={it.name}
            first={i === 0}
            last={i === doc.info_types.length - 1}
            onRename={(v) => set(it, { name: v })}
            onRemove={() => remove(it)}
            extra={it.codes?.length ? <span className="code-tag">{it.codes.join(" ")}</span> : undefined}
          >
            <TextField name="info-type-codes" label={t("sidebar.codes")} value={(it.codes ?? []).join(" ")} onCommit={(v) => set(it, { codes: codesOf(v) })} />
            <TextField name="info-type-description" label={t("props.description")} value={it.description ?? ""} multiline onCommit={(v) => set(it, { description: v })} />
            <TextField name="info-type-priority" label={t("sidebar.priorityRank")} value={it.priority ? String(it.priority) : ""} onCommit={(v) => set(it, { priority: rankOf(v) })} />
          </ListRow>
        ))}
      </ul>
      <button
        type="button"
        className="add"
        onClick={() => void onEdit({ op: "add_info_type", info_type: { id: uuidv7(), name: t("sidebar.newInfoType"), codes: [], description: "", priority: null } })}
      >
        + {t("sidebar.addInfoType")}
      </button>
    </div>
  );
}

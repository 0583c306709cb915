// The information catalogue: add, edit name, the national information services it maps to
// (codes such as "IT17 IT07"; an unknown code is a warning), description and priority rank
// (1 first, orders the needs analysis), delete when
// no need carries the type (refused with the count otherwise).
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { Document, Edit, InfoService, InfoType } from "../generated/carepath";
import { uuidv7 } from "../uuid";
import type { Question } from "./ConfirmDialog";
import { TextField } from "./fields";
import { codesOf, rankOf, updateInfoType } from "./logic";
import { inUse, usageOf } from "./usage";
import { ListRow } from "./ListRow";

export function CataloguePanel({ doc, onEdit, ask }: { doc: Document; onEdit: (edit: Edit) => Promise<boolean>; ask: (q: Question) => void }) {
  const { t, i18n } = useTranslation();
  const set = (it: InfoType, patch: Partial<InfoType>) => void onEdit(updateInfoType(it, patch));
  // the national information services the codes are checked against (the core's list)
  const [services, setServices] = useState<InfoService[]>([]);
  useEffect(() => {
    api.infoServices().then(setServices, () => setServices([]));
  }, []);
  const serviceName = (code: string) => {
    const s = services.find((x) => x.code === code);
    return s ? (i18n.language === "en" ? s.name_en : s.name_nb) : null;
  };
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
            <ul className="service-codes" aria-label={t("sidebar.codesNamed")}>
              {(it.codes ?? []).map((c) => (
                <li key={c} className={serviceName(c) ? undefined : "unknown"}>
                  <strong>{c}</strong> {serviceName(c) ?? t("sidebar.unknownCode")}
                </li>
              ))}
            </ul>
            <label className="field">
              <span>{t("sidebar.addService")}</span>
              <select
                name="info-type-add-service"
                value=""
                onChange={(e) => e.target.value && set(it, { codes: [...(it.codes ?? []), e.target.value] })}
              >
                <option value="">{t("sidebar.pickService")}</option>
                {services
                  .filter((s) => !(it.codes ?? []).includes(s.code))
                  .map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.code} – {i18n.language === "en" ? s.name_en : s.name_nb}
                    </option>
                  ))}
              </select>
            </label>
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

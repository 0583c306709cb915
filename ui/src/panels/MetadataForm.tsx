// The document's metadata: title, patient group, description, status, version, maturity,
// normative level and owners (each change one SetMetadata); created and modified shown
// read-only in the chosen language's date format.
import { useTranslation } from "react-i18next";
import type { Document, Edit, Metadata } from "../generated/carepath";
import { SelectField, TextField, VOCAB, vocabulary } from "./fields";
import { ownersFromText, setMetadata } from "./logic";

export function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nb-NO", { dateStyle: "long", timeStyle: "short" }).format(d);
}

export function MetadataForm({ doc, onEdit }: { doc: Document; onEdit: (edit: Edit) => Promise<boolean> }) {
  const { t, i18n } = useTranslation();
  const m = doc.metadata;
  const set = (patch: Partial<Metadata>) => void onEdit(setMetadata(m, patch));
  return (
    <div className="metadata-form">
      <TextField name="meta-title" label={t("meta.title")} value={m.title} required onCommit={(v) => set({ title: v.trim() })} />
      <TextField name="meta-patient-group" label={t("meta.patientGroup")} value={m.patient_group ?? ""} onCommit={(v) => set({ patient_group: v })} />
      <TextField name="meta-description" label={t("meta.description")} value={m.description ?? ""} multiline onCommit={(v) => set({ description: v })} />
      <SelectField
        name="meta-status"
        label={t("meta.status")}
        value={m.status}
        choices={vocabulary(t, "docStatus", VOCAB.docStatus)}
        onChange={(v) => v && set({ status: v as Metadata["status"] })}
      />
      <TextField name="meta-version" label={t("meta.version")} value={m.version ?? ""} onCommit={(v) => set({ version: v })} />
      <SelectField
        name="meta-maturity"
        label={t("meta.maturity")}
        value={m.maturity}
        choices={vocabulary(t, "maturity", VOCAB.maturity)}
        onChange={(v) => v && set({ maturity: v as Metadata["maturity"] })}
      />
      <TextField name="meta-normative" label={t("meta.normativeLevel")} value={m.normative_level ?? ""} onCommit={(v) => set({ normative_level: v })} />
      <TextField
        name="meta-owners"
        label={t("meta.owners")}
        value={(m.owners ?? []).join("\n")}
        multiline
        onCommit={(v) => set({ owners: ownersFromText(v) })}
      />
      <dl className="readonly">
        <dt>{t("meta.created")}</dt>
        <dd>
          <time dateTime={m.created}>{formatTime(m.created, i18n.language)}</time>
        </dd>
        <dt>{t("meta.modified")}</dt>
        <dd>
          <time dateTime={m.modified}>{formatTime(m.modified, i18n.language)}</time>
        </dd>
      </dl>
    </div>
  );
}

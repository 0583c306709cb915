// Every field of a data-sharing need: title, steps, provider and consumer, information types
// from the catalogue, what / why / where / how produced, interaction form, when, how long,
// relations, priority, horizon, status, requirements and notes. Used by the properties panel
// (each change one UpdateNeed) and by the new-need dialog (changes a draft).
import { useTranslation } from "react-i18next";
import type { DataNeed, Document, Variant } from "../generated/carepath";
import { CheckList, SelectField, TextField, VOCAB, vocabulary } from "./fields";
import { toggled } from "./logic";

export function NeedFields({ doc, variant, need, onChange }: { doc: Document; variant: Variant; need: DataNeed; onChange: (patch: Partial<DataNeed>) => void }) {
  const { t } = useTranslation();
  const actors = doc.actors.map((a) => ({ value: a.id, label: a.name }));
  const steps = variant.steps
    .map((s) => ({ value: s.id, label: s.label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const infoTypes = doc.info_types.map((it) => ({ value: it.id, label: it.code ? `${it.code} ${it.name}` : it.name }));
  const text = (key: keyof DataNeed, multiline = false) => (
    <TextField
      name={`need-${key}`}
      label={t(`need.${key}`)}
      value={(need[key] as string | undefined) ?? ""}
      multiline={multiline}
      onCommit={(v) => onChange({ [key]: v })}
    />
  );
  return (
    <div className="need-fields">
      <TextField name="need-title" label={t("need.title")} value={need.title} required onCommit={(v) => onChange({ title: v.trim() })} />
      <SelectField name="need-provider" label={t("need.provider")} value={need.provider} choices={actors} noneLabel={t("props.none")} onChange={(v) => onChange({ provider: v })} />
      <SelectField name="need-consumer" label={t("need.consumer")} value={need.consumer} choices={actors} noneLabel={t("props.none")} onChange={(v) => onChange({ consumer: v })} />
      <SelectField
        name="need-form"
        label={t("need.form")}
        value={need.form}
        choices={vocabulary(t, "interactionForm", VOCAB.interactionForm)}
        onChange={(v) => onChange({ form: (v ?? "unknown") as DataNeed["form"] })}
      />
      <CheckList
        name="need-info-types"
        label={t("need.infoTypes")}
        choices={infoTypes}
        selected={need.info_types}
        onToggle={(id, on) => onChange({ info_types: toggled(need.info_types, id, on) })}
      />
      <CheckList name="need-steps" label={t("need.steps")} choices={steps} selected={need.steps} onToggle={(id, on) => onChange({ steps: toggled(need.steps, id, on) })} />
      {text("what", true)}
      {text("why", true)}
      {text("source")}
      <SelectField
        name="need-production"
        label={t("need.production")}
        value={need.production}
        choices={vocabulary(t, "production", VOCAB.production)}
        onChange={(v) => onChange({ production: (v ?? "unknown") as DataNeed["production"] })}
      />
      {text("when")}
      {text("relevance")}
      <SelectField
        name="need-priority"
        label={t("need.priority")}
        value={need.priority}
        choices={vocabulary(t, "priority", VOCAB.priority)}
        noneLabel={t("props.none")}
        onChange={(v) => onChange({ priority: v as DataNeed["priority"] })}
      />
      <SelectField
        name="need-horizon"
        label={t("need.horizon")}
        value={need.horizon}
        choices={vocabulary(t, "horizon", VOCAB.horizon)}
        noneLabel={t("props.none")}
        onChange={(v) => onChange({ horizon: v as DataNeed["horizon"] })}
      />
      <SelectField
        name="need-status"
        label={t("need.status")}
        value={need.status}
        choices={vocabulary(t, "needStatus", VOCAB.needStatus)}
        onChange={(v) => onChange({ status: (v ?? "unknown") as DataNeed["status"] })}
      />
      {text("relations", true)}
      {text("requirements", true)}
      {text("notes", true)}
    </div>
  );
}

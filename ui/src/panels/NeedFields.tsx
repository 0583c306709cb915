// Every field of a data-sharing need. First the short form a need is made with — title, from,
// to (the first source and the first consumer), every party with its data role (add a second
// consumer, a processor, the editors of a shared source), interaction form, information types — then, behind "More", the steps it is at (in flow
// order, with their numbers from the picture), what / why / where / how produced, when, how
// long, relations, priority, horizon, status, requirements and notes. Used by the properties
// panel (each change one UpdateNeed; More open) and by the new-need dialog (changes a draft).
import { useTranslation } from "react-i18next";
import type { DataNeed, Document, Variant } from "../generated/carepath";
import { CheckList, SelectField, TextField, VOCAB, vocabulary } from "./fields";
import { firstOf, infoTypeLabel, toggled, withFirst } from "./logic";
import { PartiesField } from "./PartiesField";

interface Props {
  doc: Document;
  variant: Variant;
  need: DataNeed;
  onChange: (patch: Partial<DataNeed>) => void;
  /** The step numbers the diagram shows (the core's layout), for the flow order. */
  numbers?: ReadonlyMap<string, number>;
  /** Whether the fields beyond the short form start unfolded. */
  moreOpen?: boolean;
}

export function NeedFields({ doc, variant, need, onChange, numbers, moreOpen = false }: Props) {
  const { t } = useTranslation();
  const actors = doc.actors.map((a) => ({ value: a.id, label: a.name }));
  const steps = stepChoices(variant, numbers);
  const infoTypes = doc.info_types.map((it) => ({ value: it.id, label: infoTypeLabel(it) }));
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
      <SelectField name="need-provider" label={t("need.provider")} hint={t("need.providerTerm")} value={firstOf((need.parties ?? []), "source")} choices={actors} noneLabel={t("props.none")} onChange={(v) => onChange({ parties: withFirst((need.parties ?? []), "source", v) })} />
      <SelectField name="need-consumer" label={t("need.consumer")} hint={t("need.consumerTerm")} value={firstOf((need.parties ?? []), "consumer")} choices={actors} noneLabel={t("props.none")} onChange={(v) => onChange({ parties: withFirst((need.parties ?? []), "consumer", v) })} />
      <PartiesField doc={doc} parties={(need.parties ?? [])} onChange={(parties) => onChange({ parties })} />
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
      <details className="need-more" open={moreOpen}>
        <summary>{t("need.more")}</summary>
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
      </details>
    </div>
  );
}

/** The steps to pick from: in the diagram's flow order with its numbers ("3 · Ringer pasienten"),
 * steps without a number after them by name. */
export function stepChoices(variant: Variant, numbers?: ReadonlyMap<string, number>): { value: string; label: string }[] {
  const n = (id: string) => numbers?.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...variant.steps]
    .sort((a, b) => n(a.id) - n(b.id) || a.label.localeCompare(b.label))
    .map((s) => ({ value: s.id, label: numbers?.has(s.id) ? `${numbers.get(s.id)} · ${s.label}` : s.label }));
}

// The properties panel: every field of the selected step, transition or data need, or of the
// document when nothing is selected. Each change is one Edit (Update*) sent through onEdit.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DataNeed, Document, Edit, Step, Transition, Variant } from "../generated/carepath";
import type { Selection } from "../canvas/Diagram";
import { CheckList, SelectField, TextField, VOCAB, vocabulary } from "./fields";
import { optionalText, toggled, updateNeed, updateStep, updateTransition } from "./logic";
import { MetadataForm } from "./MetadataForm";
import { NeedDialog } from "./NeedDialog";
import { NeedFields } from "./NeedFields";
import { stepsWithin } from "../canvas/flowPath";

interface Props {
  doc: Document;
  variant: Variant | undefined;
  selection: Selection;
  onSelect: (s: Selection) => void;
  onEdit: (edit: Edit) => Promise<boolean>;
  /** The step numbers the diagram shows, for lists of steps in flow order. */
  numbers?: ReadonlyMap<string, number>;
  /** Deletes the selection as the Delete key does (asking about needs left at no step). */
  onDelete: () => void;
  /** Shows a sub-pathway's own flow. */
  onOpenFlow?: (stepId: string) => void;
}

export function PropertiesPanel({ doc, variant, selection, onSelect, onEdit, numbers, onDelete, onOpenFlow }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const step = selection?.kind === "step" ? variant?.steps.find((s) => s.id === selection.id) : undefined;
  const transition = selection?.kind === "transition" ? variant?.transitions.find((x) => x.id === selection.id) : undefined;
  const need = selection?.kind === "need" ? variant?.needs?.find((n) => n.id === selection.id) : undefined;
  const heading = step ? t("props.step") : transition ? t("props.transition") : need ? t("props.need") : t("props.document");
  return (
    <section className={`properties${open ? "" : " collapsed"}`} aria-label={t("props.title")}>
      <h2>
        <button className="collapse" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? t("props.collapse") : t("props.expand")} aria-label={open ? t("props.collapse") : t("props.expand")}>
          {open ? "▾" : "▸"}
        </button>
        {t("props.title")}: <span className="what">{heading}</span>
      </h2>
      {open && (
        <div className="properties-body">
          {variant && step && <StepForm key={step.id} doc={doc} variant={variant} step={step} onEdit={onEdit} onSelect={onSelect} numbers={numbers} onDelete={onDelete} onOpenFlow={onOpenFlow} />}
          {variant && transition && <TransitionForm key={transition.id} doc={doc} variant={variant} transition={transition} onEdit={onEdit} onSelect={onSelect} numbers={numbers} />}
          {variant && need && <NeedForm key={need.id} doc={doc} variant={variant} need={need} onEdit={onEdit} onSelect={onSelect} numbers={numbers} />}
          {!step && !transition && !need && <MetadataForm doc={doc} onEdit={onEdit} />}
        </div>
      )}
    </section>
  );
}

type FormProps = { variant: Variant; onEdit: Props["onEdit"]; onSelect: Props["onSelect"]; numbers?: Props["numbers"] };

function StepForm({ doc, variant, step, onEdit, onSelect, numbers, onDelete, onOpenFlow }: FormProps & { doc: Document; step: Step; onDelete: () => void; onOpenFlow?: (id: string) => void }) {
  const { t } = useTranslation();
  const [annotating, setAnnotating] = useState(false);
  const set = (patch: Partial<Step>) => void onEdit(updateStep(variant.id, step, patch));
  const needs = (variant.needs ?? []).filter((n) => n.steps.includes(step.id));
  return (
    <div className="form step-form">
      <TextField name="step-label" label={t("props.label")} value={step.label} required onCommit={(v) => set({ label: v.trim() })} />
      <SelectField name="step-kind" label={t("props.kind")} value={step.kind} choices={vocabulary(t, "stepKind", VOCAB.stepKind)} onChange={(v) => v && set({ kind: v as Step["kind"] })} />
      <SelectField
        name="step-actor"
        label={t("props.actor")}
        value={step.actor}
        choices={doc.actors.map((a) => ({ value: a.id, label: a.name }))}
        noneLabel={t("props.none")}
        onChange={(v) => set({ actor: v, position: null })}
      />
      <SelectField
        name="step-phase"
        label={t("props.phase")}
        value={step.phase}
        choices={doc.phases.map((p) => ({ value: p.id, label: p.name }))}
        noneLabel={t("props.none")}
        onChange={(v) => set({ phase: v, position: null })}
      />
      <CheckList
        name="step-participants"
        label={t("props.participants")}
        choices={doc.actors.filter((a) => a.id !== step.actor).map((a) => ({ value: a.id, label: a.name }))}
        selected={step.participants ?? []}
        onToggle={(id, on) => set({ participants: toggled(step.participants ?? [], id, on) })}
      />
      {step.kind === "sub_pathway" && onOpenFlow && (
        <div className="field sub-flow">
          <span>{stepsWithin(variant, step.id) > 0 ? t("flow.holds", { n: stepsWithin(variant, step.id) }) : t("flow.empty")}</span>
          <button type="button" onClick={() => onOpenFlow(step.id)}>
            {t("flow.openButton")}
          </button>
        </div>
      )}
      <TextField name="step-duration" label={t("props.duration")} hint={t("props.durationHint")} value={step.duration ?? ""} onCommit={(v) => set({ duration: optionalText(v) })} />
      <TextField name="step-description" label={t("props.description")} value={step.description ?? ""} multiline onCommit={(v) => set({ description: v })} />
      <div className="field position">
        <span>{step.position ? t("props.pinned") : t("props.notPinned")}</span>
        {step.position && (
          <button type="button" onClick={() => set({ position: null })}>
            {t("props.unpin")}
          </button>
        )}
      </div>
      <div className="field">
        <span>{t("props.needsHere")}</span>
        <ul className="links">
          {needs.map((n) => (
            <li key={n.id}>
              <button type="button" className="link" onClick={() => onSelect({ kind: "need", id: n.id })}>
                {n.title}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="primary" onClick={() => setAnnotating(true)} aria-haspopup="dialog">
          {t("props.addNeed")}
        </button>
      </div>
      <div className="danger-row">
        <button
          type="button"
          className="danger"
          onClick={onDelete}
        >
          {t("props.deleteStep")}
        </button>
      </div>
      {annotating && (
        <NeedDialog
          doc={doc}
          variant={variant}
          at={{ step: step.id }}
          numbers={numbers}
          onEdit={onEdit}
          onAdded={(id) => onSelect({ kind: "need", id })}
          onClose={() => setAnnotating(false)}
        />
      )}
    </div>
  );
}

function TransitionForm({ doc, variant, transition, onEdit, onSelect, numbers }: FormProps & { doc: Document; transition: Transition }) {
  const { t } = useTranslation();
  const [annotating, setAnnotating] = useState(false);
  const actorOf = (id: string) => variant.steps.find((s) => s.id === id)?.actor ?? null;
  // a hand-over: the steps are in different lanes; its need goes from one lane to the other
  const handover = actorOf(transition.from) !== actorOf(transition.to);
  const set = (patch: Partial<Transition>) => void onEdit(updateTransition(variant.id, transition, patch));
  const name = (id: string) => variant.steps.find((s) => s.id === id)?.label ?? "?";
  return (
    <div className="form transition-form">
      <dl className="readonly">
        <dt>{t("props.from")}</dt>
        <dd>{name(transition.from)}</dd>
        <dt>{t("props.to")}</dt>
        <dd>{name(transition.to)}</dd>
      </dl>
      <TextField name="transition-label" label={t("props.condition")} value={transition.label ?? ""} onCommit={(v) => set({ label: v })} />
      <SelectField
        name="transition-kind"
        label={t("props.kind")}
        value={transition.kind}
        choices={vocabulary(t, "transitionKind", VOCAB.transitionKind)}
        onChange={(v) => v && set({ kind: v as Transition["kind"] })}
      />
      <SelectField
        name="transition-signal"
        label={t("props.signal")}
        value={transition.signal ?? "none"}
        choices={vocabulary(t, "signal", VOCAB.signal)}
        onChange={(v) => v && set({ signal: v as Transition["signal"] })}
      />
      {handover && (
        <button
          type="button"
          className="primary"
          onClick={() => setAnnotating(true)}
          aria-haspopup="dialog"
          title={t("need.forHandoverHint", { from: name(transition.from), to: name(transition.to) })}
        >
          {t("need.forHandover")}
        </button>
      )}
      <div className="danger-row">
        <button
          type="button"
          className="danger"
          onClick={() => void onEdit({ op: "remove_transition", variant: variant.id, id: transition.id }).then((ok) => ok && onSelect(null))}
        >
          {t("props.deleteTransition")}
        </button>
      </div>
      {annotating && (
        <NeedDialog
          doc={doc}
          variant={variant}
          at={{ transition: transition.id }}
          numbers={numbers}
          onEdit={onEdit}
          onAdded={(id) => onSelect({ kind: "need", id })}
          onClose={() => setAnnotating(false)}
        />
      )}
    </div>
  );
}

function NeedForm({ doc, variant, need, onEdit, onSelect, numbers }: FormProps & { doc: Document; need: DataNeed }) {
  const { t } = useTranslation();
  return (
    <div className="form need-form">
      <NeedFields doc={doc} variant={variant} need={need} numbers={numbers} moreOpen onChange={(patch) => void onEdit(updateNeed(variant.id, need, patch))} />
      <div className="danger-row">
        <button
          type="button"
          className="danger"
          onClick={() => void onEdit({ op: "remove_need", variant: variant.id, id: need.id }).then((ok) => ok && onSelect(null))}
        >
          {t("props.deleteNeed")}
        </button>
      </div>
    </div>
  );
}

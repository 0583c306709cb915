// "Add data need" at a step or for a hand-over: the short need form in a dialog (the rest
// behind More), filled with sensible defaults — at a step, the step's actor provides and the
// actor of the next step in another lane consumes; for a hand-over, from the first step's
// actor to the second's, at both steps. Enter in a field or Add sends one AddNeed; Cancel or
// Escape sends nothing. The buttons stay in view however long the form grows.
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../dialogs/Modal";
import type { DataNeed, Document, Edit, Variant } from "../generated/carepath";
import { uuidv7 } from "../uuid";
import { handoverNeedDefaults, needDefaults } from "./logic";
import { NeedFields } from "./NeedFields";

interface Props {
  doc: Document;
  variant: Variant;
  /** Where the need is made: at a step, or for the hand-over a transition makes. */
  at: { step: string } | { transition: string };
  numbers?: ReadonlyMap<string, number>;
  onEdit: (edit: Edit) => Promise<boolean>;
  onAdded: (id: string) => void;
  onClose: () => void;
}

export function NeedDialog({ doc, variant, at, numbers, onEdit, onAdded, onClose }: Props) {
  const { t } = useTranslation();
  const [need, setNeed] = useState<DataNeed>(() =>
    "step" in at ? needDefaults(variant, at.step, uuidv7(), t("need.newTitle")) : handoverNeedDefaults(variant, at.transition, uuidv7(), t("need.newTitle")),
  );
  // the latest draft, also when a blur's commit and the submit click come in one go
  const latest = useRef(need);
  const change = (patch: Partial<DataNeed>) => {
    latest.current = { ...latest.current, ...patch };
    setNeed(latest.current);
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // a field still being typed in commits on blur, which the submit click caused already
    const draft = latest.current;
    if (await onEdit({ op: "add_need", variant: variant.id, need: draft })) {
      onAdded(draft.id);
      onClose();
    }
  };
  return (
    <Modal title={t("need.formTitle")} onClose={onClose} className="need-dialog">
      <form onSubmit={(e) => void submit(e)} data-enter-submits>
        <NeedFields doc={doc} variant={variant} need={need} onChange={change} numbers={numbers} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t("need.cancel")}
          </button>
          <button type="submit" className="primary">
            {t("need.add")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

// "Add data need" at a step: the need form in a dialog, filled with sensible defaults (the
// step's actor provides; the actor of the next step in another lane consumes). Add sends one
// AddNeed; Cancel or Escape sends nothing.
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../dialogs/Modal";
import type { DataNeed, Document, Edit, Variant } from "../generated/carepath";
import { uuidv7 } from "../uuid";
import { needDefaults } from "./logic";
import { NeedFields } from "./NeedFields";

interface Props {
  doc: Document;
  variant: Variant;
  stepId: string;
  onEdit: (edit: Edit) => Promise<boolean>;
  onAdded: (id: string) => void;
  onClose: () => void;
}

export function NeedDialog({ doc, variant, stepId, onEdit, onAdded, onClose }: Props) {
  const { t } = useTranslation();
  const [need, setNeed] = useState<DataNeed>(() => needDefaults(variant, stepId, uuidv7(), t("need.newTitle")));
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
      <form onSubmit={(e) => void submit(e)}>
        <NeedFields doc={doc} variant={variant} need={need} onChange={change} />
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

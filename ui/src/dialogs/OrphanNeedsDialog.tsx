// Deleting steps that are the only steps of some needs: delete those needs too (one undoable
// edit with the steps), keep them (they are then at no step), or cancel.
import { useTranslation } from "react-i18next";
import { Modal } from "./Modal";

export function OrphanNeedsDialog(props: { steps: number; needs: string[]; onChoose: (alsoNeeds: boolean) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t("deleteNeeds.title")} onClose={props.onClose} className="confirm-dialog orphan-needs-dialog">
      <p className="question">{t("deleteNeeds.question", { steps: props.steps, needs: props.needs.length })}</p>
      <ul className="orphan-needs">
        {props.needs.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          {t("deleteNeeds.cancel")}
        </button>
        <button type="button" onClick={() => props.onChoose(false)}>
          {t("deleteNeeds.keep")}
        </button>
        <button type="button" className="primary danger" data-autofocus onClick={() => props.onChoose(true)}>
          {t("deleteNeeds.both")}
        </button>
      </div>
    </Modal>
  );
}

// A question before a delete: either "delete? yes / cancel", or, when the element is in use,
// a refusal that says by how many elements (only OK).
import { useTranslation } from "react-i18next";
import { Modal } from "../dialogs/Modal";

export interface Question {
  message: string;
  /** Absent: the delete is refused and only explained. */
  onYes?: () => void;
}

export function ConfirmDialog({ question, onClose }: { question: Question; onClose: () => void }) {
  const { t } = useTranslation();
  const refuse = !question.onYes;
  return (
    <Modal title={refuse ? t("sidebar.inUseTitle") : t("sidebar.confirmTitle")} onClose={onClose} className="confirm-dialog">
      <p className="question">{question.message}</p>
      <div className="actions">
        {refuse ? (
          <button type="button" className="primary" onClick={onClose} data-autofocus>
            {t("dialog.ok")}
          </button>
        ) : (
          <>
            <button type="button" onClick={onClose} data-autofocus>
              {t("sidebar.cancel")}
            </button>
            <button
              type="button"
              className="primary danger"
              onClick={() => {
                question.onYes?.();
                onClose();
              }}
            >
              {t("sidebar.confirmYes")}
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}

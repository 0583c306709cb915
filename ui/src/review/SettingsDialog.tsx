// The settings dialog: the name comments and review decisions are signed with.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../dialogs/Modal";

export function SettingsDialog(props: { author: string; onSave: (name: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.author);
  return (
    <Modal title={t("review.settings")} onClose={props.onClose} className="settings-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave(name);
        }}
      >
        <fieldset>
          <label>
            {t("review.authorName")}
            <input data-autofocus name="author" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          </label>
        </fieldset>
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            {t("review.cancel")}
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t("review.save")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

// The settings dialog: the name comments and review decisions are signed with, and the
// language of the window (also under View → Language), which applies at once.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../dialogs/Modal";
import type { Lang } from "../generated/carepath";
import { setLanguage } from "../i18n";

export function SettingsDialog(props: { author: string; onSave: (name: string) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
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
          <label>
            {t("app.language")}
            <select name="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Lang)}>
              <option value="nb">Norsk bokmål</option>
              <option value="en">English</option>
            </select>
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

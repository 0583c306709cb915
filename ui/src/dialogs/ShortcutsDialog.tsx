// Every keyboard shortcut in the chosen language (the list lives in commands/keys.ts, next to
// the code that handles the keys).
import { getVersion } from "@tauri-apps/api/app";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { SHORTCUTS } from "../commands/keys";
import { Modal } from "./Modal";

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t("shortcuts.title")} onClose={onClose} className="shortcuts-dialog">
      <div className="shortcut-groups">
        {SHORTCUTS.map((g) => (
          <table key={g.group}>
            <caption>{t(`shortcuts.groups.${g.group}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("shortcuts.keys")}</th>
                <th scope="col">{t("shortcuts.action")}</th>
              </tr>
            </thead>
            <tbody>
              {g.items.map((s) => (
                <tr key={s.action}>
                  <td>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && " "}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{t(`shortcuts.actions.${s.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="actions">
        <button className="primary" onClick={onClose} data-autofocus>
          {t("dialog.close")}
        </button>
      </div>
    </Modal>
  );
}

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState("");
  useEffect(() => {
    getVersion().then(setVersion, () => setVersion("?"));
  }, []);
  return (
    <Modal title={t("about.title")} onClose={onClose}>
      <p>{t("about.text")}</p>
      <p>{t("about.version", { version })}</p>
      <div className="actions">
        <button className="primary" onClick={onClose} data-autofocus>
          {t("dialog.close")}
        </button>
      </div>
    </Modal>
  );
}

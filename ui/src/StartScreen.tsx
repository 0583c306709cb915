// Shown when no document is open (after File → Close, or when the start document could not
// be opened): New from the template, Open …, and the recently opened documents.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "./api";

interface Props {
  onNew: () => void;
  onOpen: () => void;
  onOpenPath: (path: string) => void;
}

export function StartScreen({ onNew, onOpen, onOpenPath }: Props) {
  const { t } = useTranslation();
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    api.recentDocuments().then(setRecent, () => setRecent([]));
  }, []);
  return (
    <section className="start-screen" aria-labelledby="start-title">
      <h2 id="start-title">{t("start.title")}</h2>
      <p>{t("start.lead")}</p>
      <div className="start-actions">
        <button className="primary" onClick={onNew}>
          {t("start.new")}
        </button>
        <button onClick={onOpen}>{t("start.open")}</button>
      </div>
      <h3>{t("start.recent")}</h3>
      {recent.length === 0 ? (
        <p className="muted">{t("start.noRecent")}</p>
      ) : (
        <ul className="recent-list">
          {recent.map((p) => (
            <li key={p}>
              <button className="link" onClick={() => onOpenPath(p)} title={p}>
                <strong>{p.split(/[\\/]/).pop()}</strong> <span className="muted">{p}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// Shown when no document is open (after File → Close, or when the start document could not
// be opened): a new document (blank, with lanes and phases, or from a template), Open …, and
// the recently opened documents.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "./api";
import { NewChoices } from "./dialogs/NewDocument";
import type { NewDocument } from "./generated/carepath";

interface Props {
  onCreate: (req: NewDocument) => void;
  onOpen: () => void;
  onOpenPath: (path: string) => void;
}

export function StartScreen({ onCreate, onOpen, onOpenPath }: Props) {
  const { t } = useTranslation();
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    api.recentDocuments().then(setRecent, () => setRecent([]));
  }, []);
  return (
    <section className="start-screen" aria-labelledby="start-title">
      <h2 id="start-title">{t("start.title")}</h2>
      <p>{t("start.lead")}</p>
      <h3>{t("start.new")}</h3>
      <NewChoices onCreate={onCreate} />
      <div className="start-actions">
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

// The findings of the core's validation, in the chosen language; a click selects the element.
// While drawing, what only says the pathway is unfinished comes as notes (the core's
// validate_while_drawing); "Check the whole pathway" shows every error at full severity.
import { useTranslation } from "react-i18next";
import type { Document, Finding } from "./generated/carepath";

interface Props {
  doc: Document;
  findings: Finding[];
  onPick: (f: Finding) => void;
  /** Findings are the quiet ones of drawing; `onCheckAll` asks for the full check. */
  drawing: boolean;
  onCheckAll: () => void;
}

export function ProblemsPanel({ doc, findings, onPick, drawing, onCheckAll }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <aside className="problems" aria-label={t("problems.title")}>
      <h2>
        {t("problems.title")} <span className="count">{findings.length}</span>
      </h2>
      {drawing ? (
        <p className="drawing-note">
          {t("problems.drawing")}{" "}
          <button type="button" className="link" onClick={onCheckAll} title={t("problems.checkAllHint")}>
            {t("problems.checkAll")}
          </button>
        </p>
      ) : (
        <p className="drawing-note">{t("problems.checking")}</p>
      )}
      {findings.length === 0 ? (
        <p className="none">{t("problems.none")}</p>
      ) : (
        <ul>
          {findings.map((f, i) => (
            <li key={i}>
              <button className={`finding ${f.severity}`} onClick={() => onPick(f)} title={f.rule}>
                <span className="severity">{t(`problems.${f.severity}`)}</span>
                <span className="message">{en ? f.message_en : f.message_nb}</span>
                {f.variant && doc.variants.length > 1 && (
                  <span className="where">{doc.variants.find((v) => v.id === f.variant)?.name}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

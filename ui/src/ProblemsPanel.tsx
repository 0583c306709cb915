// The findings of the core's validation, in the chosen language; a click selects the element.
// While drawing, what only says the pathway is unfinished comes as notes (the core's
// validate_while_drawing); "Check the whole pathway" shows every error at full severity.
// A warning or note can be accepted with a reason (the core keeps it as a comment on the
// element); accepted findings move to their own filter and into the reports' own table.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Document, Edit, Finding } from "./generated/carepath";
import { reviewApi } from "./review/api";
import { asCoreError } from "./api";

interface Props {
  doc: Document;
  findings: Finding[];
  onPick: (f: Finding) => void;
  /** Findings are the quiet ones of drawing; `onCheckAll` asks for the full check. */
  drawing: boolean;
  onCheckAll: () => void;
  onEdit: (e: Edit) => Promise<boolean>;
  /** Locked documents and review mode: nothing can be accepted. */
  readOnly?: boolean;
}

export function ProblemsPanel({ doc, findings, onPick, drawing, onCheckAll, onEdit, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [showAccepted, setShowAccepted] = useState(false);
  const [accepting, setAccepting] = useState<Finding | null>(null);
  const open = findings.filter((f) => !f.accepted);
  const accepted = findings.filter((f) => f.accepted);
  const shown = showAccepted ? accepted : open;
  return (
    <aside className="problems" aria-label={t("problems.title")}>
      <h2>
        {t("problems.title")} <span className="count">{open.length}</span>
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
      <div className="problem-filter" role="radiogroup" aria-label={t("problems.title")}>
        <button type="button" role="radio" aria-checked={!showAccepted} onClick={() => setShowAccepted(false)}>
          {t("problems.open")} ({open.length})
        </button>
        <button type="button" role="radio" aria-checked={showAccepted} onClick={() => setShowAccepted(true)}>
          {t("problems.accepted")} ({accepted.length})
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="none">{showAccepted ? t("problems.noneAccepted") : t("problems.none")}</p>
      ) : (
        <ul>
          {shown.map((f, i) => (
            <li key={`${f.rule}:${i}`}>
              <button className={`finding ${f.severity}`} onClick={() => onPick(f)} title={f.rule}>
                <span className="severity">{t(`problems.${f.severity}`)}</span>
                <span className="message">{en ? f.message_en : f.message_nb}</span>
                {f.variant && doc.variants.length > 1 && (
                  <span className="where">{doc.variants.find((v) => v.id === f.variant)?.name}</span>
                )}
                {f.accepted && (
                  <span className="reason">
                    {t("problems.acceptedBy", { who: f.accepted.author })}: {f.accepted.reason}
                  </span>
                )}
              </button>
              {!readOnly && f.accepted && (
                <button type="button" className="link finding-action" onClick={() => void reviewApi.withdraw(f.accepted!.comment).then(onEdit)}>
                  {t("problems.withdraw")}
                </button>
              )}
              {!readOnly && !f.accepted && f.acceptable && accepting !== f && (
                <button type="button" className="link finding-action" title={t("problems.acceptHint")} onClick={() => setAccepting(f)}>
                  {t("problems.accept")}
                </button>
              )}
              {accepting === f && <AcceptForm finding={f} onEdit={onEdit} onClose={() => setAccepting(null)} />}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/** The reason (and who gives it) for accepting one finding; Enter accepts, Escape cancels. */
function AcceptForm({ finding, onEdit, onClose }: { finding: Finding; onEdit: (e: Edit) => Promise<boolean>; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [who, setWho] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void reviewApi.author().then((a) => setWho((w) => w ?? a), () => setWho((w) => w ?? ""));
  }, []);
  const submit = async () => {
    try {
      const name = (who ?? "").trim();
      const edit = await reviewApi.accept(finding, name, reason);
      if (name) await reviewApi.setAuthor(name);
      if (await onEdit(edit)) onClose();
    } catch (e) {
      setError(asCoreError(e).message);
    }
  };
  return (
    <form
      className="accept-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <label>
        {t("problems.reason")}
        <input autoFocus name="accept-reason" value={reason} placeholder={t("problems.reasonPlaceholder")} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        {t("problems.who")}
        <input name="accept-who" value={who ?? ""} onChange={(e) => setWho(e.target.value)} />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="buttons">
        <button type="submit" disabled={!reason.trim() || !(who ?? "").trim()}>
          {t("problems.confirmAccept")}
        </button>
        <button type="button" onClick={onClose}>
          {t("problems.cancel")}
        </button>
      </div>
    </form>
  );
}

// File → New and the start screen: a blank document (optionally with four lanes and four
// phases to rename) or a copy of a built-in template, offered side by side, with the title
// asked for up front. Creating asks where to save it (the caller does that).
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import type { NewDocument, TemplateCard } from "../generated/carepath";
import { Modal } from "./Modal";

/** What the user picked: blank, blank with the skeleton, or a template by name. */
export type Choice = { kind: "blank" } | { kind: "skeleton" } | { kind: "template"; name: string };

/** The request the core builds the document from. */
export function request(choice: Choice, title: string, lang: "nb" | "en"): NewDocument {
  return {
    template: choice.kind === "template" ? choice.name : null,
    title: title.trim(),
    skeleton: choice.kind === "skeleton",
    lang,
  };
}

/** A file name for the document from its title: no characters file systems refuse. */
export function fileName(title: string, fallback: string): string {
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, " ").replace(/\s+/g, " ").trim().slice(0, 80);
  return `${clean || fallback}.carepath`;
}

/** A small picture of lanes and phases: a grid of `lanes` rows and `phases` columns. */
function Sketch(props: { lanes: number; phases: number }) {
  const rows = Math.min(props.lanes, 7);
  const cols = Math.min(props.phases, 6);
  return (
    <svg className="new-sketch" viewBox="0 0 120 64" aria-hidden="true">
      <rect x="0.5" y="0.5" width="119" height="63" fill="#f4f7f9" stroke="#9aa8b5" />
      {rows > 0 &&
        Array.from({ length: rows }, (_, r) => (
          <rect key={`r${r}`} x="0.5" y={8 + (r * 56) / rows} width="14" height={56 / rows} fill="#dfe7ee" stroke="#9aa8b5" strokeWidth="0.5" />
        ))}
      {cols > 0 &&
        Array.from({ length: cols }, (_, c) => (
          <line key={`c${c}`} x1={15 + (c * 105) / cols} y1="0" x2={15 + (c * 105) / cols} y2="64" stroke="#9aa8b5" strokeDasharray="2 2" strokeWidth="0.5" />
        ))}
      <rect x="15" y="0.5" width="104.5" height="7.5" fill="#dfe7ee" />
    </svg>
  );
}

/** The choices, the title and the Create button; used by the dialog and the start screen. */
export function NewChoices(props: { onCreate: (req: NewDocument) => void; onCancel?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nb";
  const [cards, setCards] = useState<TemplateCard[]>([]);
  const [choice, setChoice] = useState<Choice>({ kind: "blank" });
  const [title, setTitle] = useState("");
  useEffect(() => {
    api.templateCards().then(setCards, () => setCards([]));
  }, []);
  const picked = (c: Choice) => JSON.stringify(c) === JSON.stringify(choice);
  const template = choice.kind === "template" ? cards.find((c) => c.name === choice.name) : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onCreate(request(choice, title, lang));
  };
  const option = (c: Choice, key: string, heading: string, detail: string, lanes: number, phases: number, preview?: string) => (
    <label key={key} className={`new-card${picked(c) ? " picked" : ""}`}>
      <input type="radio" name="new-kind" value={key} checked={picked(c)} onChange={() => setChoice(c)} />
      {preview ? (
        // the template's own pathway, drawn by the core (its overview, without needs)
        <img className="new-preview" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview)}`} alt="" />
      ) : (
        <Sketch lanes={lanes} phases={phases} />
      )}
      <strong>{heading}</strong>
      <span className="muted">{detail}</span>
    </label>
  );
  return (
    <form className="new-document" onSubmit={submit}>
      <label className="new-title">
        {t("newDocument.title")}
        <input
          name="title"
          data-autofocus
          value={title}
          placeholder={template?.title ?? t("newDocument.titlePlaceholder")}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <fieldset className="new-cards">
        <legend>{t("newDocument.startFrom")}</legend>
        {option({ kind: "blank" }, "blank", t("newDocument.blank"), t("newDocument.blankDetail"), 0, 0)}
        {option({ kind: "skeleton" }, "skeleton", t("newDocument.skeleton"), t("newDocument.skeletonDetail"), 4, 4)}
        {cards.map((c) =>
          option(
            { kind: "template", name: c.name },
            `template:${c.name}`,
            lang === "en" && c.title_en ? c.title_en : c.title,
            t("newDocument.templateDetail", { lanes: c.lanes, phases: c.phases, steps: c.steps, needs: c.needs, variants: c.variants.join(", ") }),
            c.lanes,
            c.phases,
            c.preview,
          ),
        )}
      </fieldset>
      <div className="new-actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t("newDocument.cancel")}
          </button>
        )}
        <button type="submit" className="primary">
          {t("newDocument.create")}
        </button>
      </div>
    </form>
  );
}

export function NewDocumentDialog(props: { onCreate: (req: NewDocument) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t("newDocument.heading")} onClose={props.onClose} className="new-document-dialog">
      <NewChoices onCreate={props.onCreate} onCancel={props.onClose} />
    </Modal>
  );
}

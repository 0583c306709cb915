// The review panel of review mode: the element under review (the canvas selection, or the
// document, an actor or a phase picked here) with its decisions and comment threads, and a
// filterable list of every thread and decision; a click on an entry reveals its element.
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { asCoreError, type CoreError } from "../api";
import type { Selection } from "../canvas/Diagram";
import type { Document, Edit, ElementRef, Lang, ReviewFilter, ReviewStatus } from "../generated/carepath";
import { reviewApi } from "./api";
import { STATUSES, STATUS_SYMBOL, formatTime, labelOf, targetKey } from "./logic";
import { Thread } from "./ThreadView";
import { useAnswer } from "./useAnswer";

/** What the list shows when review mode opens: the open threads and every decision. */
const DEFAULT_FILTER: ReviewFilter = { open_only: true };

interface Props {
  doc: Document;
  variantId: string | null;
  selection: Selection;
  author: string;
  onEdit: (edit: Edit) => Promise<boolean>;
  setError: (e: CoreError | null) => void;
  /** Asks for the reviewer's name (settings dialog). */
  needAuthor: () => void;
  /** Selects and reveals a step, transition or need (switching variant when needed). */
  reveal: (ref: ElementRef) => void;
  /** The element picker's value ("selection", "document", "actor:ID" ...), kept by the window so canvas markers can set it. */
  pick: string;
  setPick: (pick: string) => void;
}

/** The element picker's value for a target. */
const pickOf = (r: ElementRef) => (r.kind === "step" || r.kind === "transition" || r.kind === "need" ? "selection" : targetKey(r));

export function ReviewPanel(props: Props) {
  const { doc, variantId, selection, author, onEdit, setError, needAuthor, reveal, pick, setPick } = props;
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<ReviewStatus>("approved");
  const [note, setNote] = useState("");
  const [filter, setFilter] = useState<ReviewFilter>(DEFAULT_FILTER);
  useEffect(() => {
    if (selection) setPick("selection");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection]);

  const target = useMemo<ElementRef>(() => {
    if (pick === "selection" && selection && variantId) return { kind: selection.kind, id: selection.id, variant: variantId };
    if (pick.startsWith("actor:")) return { kind: "actor", id: pick.slice(6) };
    if (pick.startsWith("phase:")) return { kind: "phase", id: pick.slice(6) };
    if (pick.startsWith("variant:")) return { kind: "variant", id: pick.slice(8) };
    return { kind: "document" };
  }, [pick, selection, variantId]);
  const key = targetKey(target);

  // the core answers: the element's own threads and decisions, and the filtered list
  const lang: Lang = i18n.language === "en" ? "en" : "nb";
  const fail = (e: unknown) => setError(asCoreError(e));
  const onHere = useAnswer(() => reviewApi.list({ target }, lang), [doc, key, lang], fail);
  const listing = useAnswer(() => reviewApi.list(filter, lang), [doc, filter, lang], fail);
  const here = onHere?.threads ?? [];
  const hereDecisions = (onHere?.decisions ?? []).map((d) => d.review);
  const listed = listing?.threads ?? [];
  // newest first
  const listedDecisions = [...(listing?.decisions ?? [])].reverse();

  /** Runs a review command and applies the edit it returns (undoable). */
  const send = async (make: () => Promise<Edit>) => {
    if (!author) {
      needAuthor();
      return false;
    }
    try {
      return await onEdit(await make());
    } catch (e) {
      setError(asCoreError(e));
      return false;
    }
  };

  const goTo = (r: ElementRef) => {
    if (r.kind === "step" || r.kind === "transition" || r.kind === "need") reveal(r);
    else setPick(pickOf(r));
  };

  return (
    <section className="review-panel" aria-labelledby="review-panel-title">
      <h2 id="review-panel-title">{t("review.panel")}</h2>
      <p className="review-author">
        {author ? t("review.signedAs", { name: author }) : t("review.noAuthor")}{" "}
        <button type="button" className="link" onClick={needAuthor}>
          {t("review.changeAuthor")}
        </button>
      </p>
      <label className="review-target">
        {t("review.element")}
        <select value={pick} onChange={(e) => setPick(e.target.value)}>
          {selection && variantId && (
            <option value="selection">{t("review.selected", { label: labelOf(doc, { kind: selection.kind, id: selection.id, variant: variantId }, t) })}</option>
          )}
          <option value="document">{t("review.document")}</option>
          {variantId && <option value={`variant:${variantId}`}>{labelOf(doc, { kind: "variant", id: variantId }, t)}</option>}
          {doc.actors.map((a) => (
            <option key={a.id} value={`actor:${a.id}`}>
              {t("review.actor", { name: a.name })}
            </option>
          ))}
          {doc.phases.map((p) => (
            <option key={p.id} value={`phase:${p.id}`}>
              {t("review.phase", { name: p.name })}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="review-decision">
        <legend>{t("review.decision")}</legend>
        {hereDecisions.length === 0 ? (
          <p className="muted">{t("review.noDecision")}</p>
        ) : (
          <ul className="decisions-here">
            {hereDecisions.map((r) => (
              <li key={r.id} className={`decision status-${r.status}`}>
                <span className="status-symbol" aria-hidden="true">{STATUS_SYMBOL[r.status]}</span>{" "}
                {t("review.decisionBy", { status: t(`review.status.${r.status}`), who: r.reviewer, when: formatTime(r.time, i18n.language) })}
                {r.note && <div className="decision-note">{r.note}</div>}
              </li>
            ))}
          </ul>
        )}
        <div className="status-choice" role="radiogroup" aria-label={t("review.decision")}>
          {STATUSES.map((s) => (
            <label key={s} className={`status-${s}`}>
              <input type="radio" name="review-status" value={s} checked={status === s} onChange={() => setStatus(s)} />
              <span aria-hidden="true">{STATUS_SYMBOL[s]}</span> {t(`review.status.${s}`)}
            </label>
          ))}
        </div>
        <input aria-label={t("review.decisionNote")} placeholder={t("review.decisionNote")} value={note} onChange={(e) => setNote(e.target.value)} />
        <button
          type="button"
          className="decide"
          onClick={() => void send(() => reviewApi.decide(target, author, status, note.trim())).then((ok) => ok && setNote(""))}
        >
          {t("review.decide")}
        </button>
      </fieldset>

      <div className="review-threads">
        <h3>{t("review.threads")}</h3>
        {here.length === 0 && <p className="muted">{t("review.noThreads")}</p>}
        {here.map((th) => (
          <Thread
            key={th.root.id}
            thread={th}
            onReply={(reply) => send(() => reviewApi.comment(target, th.root.id, author, reply))}
            onResolve={(resolved) => void send(() => reviewApi.resolve(th.root.id, resolved))}
          />
        ))}
        <form
          className="new-comment"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void send(() => reviewApi.comment(target, null, author, text.trim())).then((ok) => ok && setText(""));
          }}
        >
          <textarea aria-label={t("review.newComment")} placeholder={t("review.newComment")} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={!text.trim()}>
            {t("review.addComment")}
          </button>
        </form>
      </div>

      <div className="review-list">
        <h3>{t("review.list")}</h3>
        <div className="review-filters">
          <label>
            {t("review.filterShow")}
            <select value={filter.open_only ? "open" : "all"} onChange={(e) => setFilter({ ...filter, open_only: e.target.value === "open" })}>
              <option value="open">{t("review.filterOpen")}</option>
              <option value="all">{t("review.filterAll")}</option>
            </select>
          </label>
          <label>
            {t("review.filterStatus")}
            <select value={filter.status ?? ""} onChange={(e) => setFilter({ ...filter, status: (e.target.value as ReviewStatus) || null })}>
              <option value="">{t("review.filterAnyStatus")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`review.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("review.filterAuthor")}
            <input value={filter.author ?? ""} onChange={(e) => setFilter({ ...filter, author: e.target.value })} />
          </label>
        </div>
        {listed.length === 0 && listedDecisions.length === 0 && <p className="muted">{t("review.nothing")}</p>}
        <ul className="review-entries">
          {listed.map((th) => (
            <li key={th.root.id}>
              <button type="button" className={`entry thread-entry ${th.open ? "open" : "resolved"}`} data-thread={th.root.id} onClick={() => goTo(th.root.target)}>
                <span className="entry-target">{th.target_label}</span>
                <span className="entry-text">
                  {th.open ? "❝" : "✓"} {th.root.author}: {th.root.text}
                </span>
                <span className="entry-meta">
                  {th.open ? t("review.open") : t("review.resolved")} · {t("review.replies", { count: th.replies.length })}
                </span>
              </button>
            </li>
          ))}
          {listedDecisions.map(({ review: r, target_label }) => (
            <li key={r.id}>
              <button type="button" className={`entry decision-entry status-${r.status}`} onClick={() => goTo(r.target)}>
                <span className="entry-target">{target_label}</span>
                <span className="entry-text">
                  <span aria-hidden="true">{STATUS_SYMBOL[r.status]}</span> {t(`review.status.${r.status}`)} — {r.reviewer}
                </span>
                <span className="entry-meta">{formatTime(r.time, i18n.language)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

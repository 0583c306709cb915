// The scenario walk-through: a path through the shown variant from a start to an end (a
// branch chosen at each decision, a number of loop rounds), stepped through with Next and
// Previous (buttons, or ← → / PageUp PageDown while the panel has focus). The current step is
// selected on the canvas; the panel shows who acts, what every actor has received so far
// along the path, and the needs at this step that are unmet or handled manually.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { asCoreError, type CoreError } from "../api";
import { walkApi } from "../review/api";
import type { Document, Walk } from "../generated/carepath";
import { choose } from "./logic";
import "./walk.css";

interface Props {
  doc: Document;
  variantId: string;
  setError: (e: CoreError | null) => void;
  /** Selects and reveals the current step on the canvas. */
  showStep: (id: string) => void;
}

export function WalkPanel({ doc, variantId, setError, showStep }: Props) {
  const { t } = useTranslation();
  const [loops, setLoops] = useState(1);
  const [choices, setChoices] = useState<string[]>([]);
  const [walk, setWalk] = useState<Walk | null>(null);
  const [index, setIndex] = useState(0);

  useEffect(() => {
    setChoices([]);
    setIndex(0);
  }, [variantId]);

  useEffect(() => {
    let stale = false;
    walkApi
      .walk(variantId, { choices, loops })
      .then((w) => {
        if (stale) return;
        setWalk(w);
        setIndex((i) => Math.min(i, Math.max(0, w.steps.length - 1)));
      })
      .catch((e) => !stale && setError(asCoreError(e)));
    return () => {
      stale = true;
    };
  }, [doc, variantId, choices, loops, setError]);

  const here = walk?.steps[index];
  useEffect(() => {
    if (here) showStep(here.step);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [here?.step, index]);

  const go = (d: number) => walk && setIndex((i) => Math.max(0, Math.min(walk.steps.length - 1, i + d)));
  const onKeyDown = (e: React.KeyboardEvent) => {
    const el = e.target as HTMLElement;
    if (el.tagName === "INPUT" || el.tagName === "SELECT") return;
    const d = e.key === "ArrowRight" || e.key === "PageDown" ? 1 : e.key === "ArrowLeft" || e.key === "PageUp" ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    go(d);
  };

  return (
    <section className="walk-panel" aria-labelledby="walk-title" onKeyDown={onKeyDown}>
      <h2 id="walk-title">{t("walk.title")}</h2>
      <label className="walk-loops">
        {t("walk.loops")}
        <input type="number" min={0} max={10} value={loops} onChange={(e) => setLoops(Math.max(0, Math.min(10, Number(e.target.value) || 0)))} />
      </label>
      {walk && (
        <>
          <div className="walk-nav" role="group" aria-label={t("walk.nav")}>
            <button type="button" onClick={() => go(-1)} disabled={index === 0}>
              ← {t("walk.previous")}
            </button>
            <span className="walk-position" aria-live="polite">
              {t("walk.position", { n: index + 1, of: walk.steps.length })}
            </span>
            <button type="button" onClick={() => go(1)} disabled={index >= walk.steps.length - 1}>
              {t("walk.next")} →
            </button>
          </div>
          {!walk.complete && index === walk.steps.length - 1 && <p className="walk-stuck">{t("walk.stuck")}</p>}
          {here && (
            <div className="walk-step" data-step={here.step}>
              <h3>
                {here.number}. {here.label}
              </h3>
              <p className="walk-who">
                {t("walk.who", {
                  actor: (here.actor_name || "–") + (here.participant_names?.length ? ` (${t("props.with")} ${here.participant_names.join(", ")})` : ""),
                  phase: here.phase_name || "–",
                })}
                {here.round > 0 && <> · {t("walk.round", { n: here.round })}</>}
              </p>
              {here.branches.length > 0 && (
                <fieldset className="walk-branches">
                  <legend>{t("walk.branch")}</legend>
                  {here.branches.map((b) => (
                    <label key={b.transition}>
                      <input type="radio" name={`branch-${index}`} checked={b.taken} onChange={() => walk && setChoices(choose(walk, choices, index, b.transition))} />
                      {b.label ? `${b.label} → ${b.to_label}` : b.to_label}
                    </label>
                  ))}
                </fieldset>
              )}
              <h4>{t("walk.flagged")}</h4>
              {here.flagged.length === 0 ? (
                <p className="muted">{t("walk.noFlagged")}</p>
              ) : (
                <ul className="walk-flagged">
                  {here.flagged.map((f) => (
                    <li key={f.need}>
                      <strong>{f.title}</strong> ({f.provider_name || "?"} → {f.consumer_name || "?"}):{" "}
                      {[f.unmet ? t(`needStatus.${f.status}`) : null, f.manual ? t(`interactionForm.${f.form}`) : null].filter(Boolean).join(", ")}
                    </li>
                  ))}
                </ul>
              )}
              <h4>{t("walk.received")}</h4>
              <table className="walk-received">
                <tbody>
                  {here.received.map((r) => (
                    <tr key={r.actor} className={r.actor === here.actor ? "acting" : undefined}>
                      <th scope="row">{r.actor_name}</th>
                      <td>{r.info_types.length ? r.info_types.map((i) => i.name).join(", ") : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ol className="walk-path" aria-label={t("walk.path")}>
            {walk.steps.map((s, i) => (
              <li key={i}>
                <button type="button" className={i === index ? "current" : undefined} aria-current={i === index ? "step" : undefined} onClick={() => setIndex(i)}>
                  {s.number}. {(s.depth ?? 0) > 0 && <span className="walk-depth" aria-hidden="true">{"↳".repeat(s.depth ?? 0)} </span>}{s.label}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

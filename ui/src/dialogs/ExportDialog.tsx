// The export dialog: format, variant and the diagram choices — the same as the CLI's
// `carepath export` (need layer, vertical lanes, any PNG scale, PDF paging, the language of
// the fixed texts); the output path comes from the native Save dialog or is typed in. The
// export itself runs in the core (the same functions as the CLI) off the window's main
// thread; the dialog shows it is busy meanwhile and shows the file in its folder afterwards
// (at once when asked to, or with a button). Reports (Markdown with its img/ folder, HTML,
// Word), the needs register (CSV, XLSX) and BPMN (one pool per variant) take several
// variants, every one at first.
import { save } from "./files";
import { revealItemInDir } from "@tauri-apps/plugin-opener";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, asCoreError, type CoreError } from "../api";
import type { Document, ExportFormat, Lang, Page, Phase } from "../generated/carepath";
import { FORMATS, REPORTS, SEVERAL, extensionOf, parseScale, suggestedName, withExtension } from "./exportPath";
import { Modal } from "./Modal";

const DIAGRAM: ExportFormat[] = ["svg", "png", "pdf"];

/** One end of the range of phases a diagram draws. */
function PhaseSelect(props: { name: string; label: string; phases: Phase[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.phases.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Wider than this for its height, the whole pathway is a strip no page shows legibly. */
export const MAX_ASPECT = 3;

export function ExportDialog(props: {
  doc: Document;
  variantId: string | null;
  onClose: () => void;
  /** The canvas's width : height. */
  aspect?: number;
  /** The sub-pathway whose own flow the canvas shows: a diagram of it alone is offered first. */
  flow?: string | null;
}) {
  const { doc, onClose } = props;
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>("svg");
  const [variant, setVariant] = useState(props.variantId ?? doc.variants[0]?.id ?? "");
  const [chosen, setChosen] = useState<string[]>(doc.variants.map((v) => v.id));
  const [lang, setLang] = useState<Lang>(i18n.language === "en" ? "en" : "nb");
  const [needs, setNeeds] = useState(true);
  const [vertical, setVertical] = useState(false);
  const [scale, setScale] = useState("2");
  const [reveal, setReveal] = useState(false);
  const [page, setPage] = useState<Page>("fit");
  // which part of the pathway a diagram draws: all of it, the wrapped overview, or some phases
  // a strip wider than 3 : 1 starts as the overview, which wraps it into rows of phases
  const strip = (props.aspect ?? 0) > MAX_ASPECT;
  const [part, setPart] = useState<"whole" | "overview" | "phases" | "flow">(props.flow ? "flow" : strip ? "overview" : "whole");
  // the sub-pathways of the chosen variant that hold a flow of their own
  const subs = (doc.variants.find((v) => v.id === variant)?.steps ?? []).filter((s, _, all) => s.kind === "sub_pathway" && all.some((x) => x.within === s.id));
  const [flow, setFlow] = useState(props.flow ?? "");
  const subFlow = subs.some((s) => s.id === flow) ? flow : (subs[0]?.id ?? "");
  const phases = [...doc.phases].sort((a, b) => a.order - b.order);
  const [phaseFrom, setPhaseFrom] = useState(phases[0]?.id ?? "");
  const [phaseTo, setPhaseTo] = useState(phases[0]?.id ?? "");
  const [path, setPath] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const result = useRef<HTMLButtonElement>(null);
  // the finished export takes the focus: the keyboard goes on from its Open folder button
  useEffect(() => {
    if (done && !busy) result.current?.focus();
  }, [done, busy]);

  const variantName = doc.variants.find((v) => v.id === variant)?.name;
  const diagram = DIAGRAM.includes(format);
  const report = REPORTS.includes(format);
  // BPMN with a pool per actor: one variant, hand-overs and needs as message flows
  const [pools, setPools] = useState(false);
  // FHIR: the base of the canonical URLs (empty: the core's placeholder)
  const [fhirBase, setFhirBase] = useState("");
  const several = SEVERAL.includes(format) && !(format === "bpmn" && pools);
  const toggle = (id: string, on: boolean) =>
    setChosen((ids) => doc.variants.map((v) => v.id).filter((v) => (v === id ? on : ids.includes(v))));

  const changeFormat = (f: ExportFormat) => {
    setFormat(f);
    setPath((p) => withExtension(p, f));
    setDone(null);
  };

  const choose = async (): Promise<string | null> => {
    const picked = await save({
      defaultPath: path || suggestedName(doc.metadata.title, variantName, format),
      filters: [{ name: t(`export.formats.${format}`), extensions: [extensionOf(format)] }],
    });
    if (picked) setPath(picked);
    return picked;
  };

  const run = async () => {
    setError(null);
    setDone(null);
    const pixels = parseScale(scale);
    if (format === "png" && pixels === null) {
      setError({ code: "invalid_value", message: t("export.badScale", { scale }) });
      return;
    }
    try {
      const target = path.trim() || (await choose());
      if (!target) return;
      setBusy(true);
      await api.exportDocument(
        {
          format,
          variant,
          // a figure shows the lanes the variant uses, as `carepath export` draws it
          layout: { orientation: vertical ? "vertical" : "horizontal", needs, flow: diagram && part === "flow" && subFlow ? subFlow : null, hide_unused_lanes: true },
          scale: pixels ?? 1,
          page,
          lang,
          // none ticked means all, as for `carepath export` without --variant
          variants: several ? (chosen.length > 0 ? chosen : doc.variants.map((v) => v.id)) : [],
          pools: format === "bpmn" && pools,
          fhir_base: format === "fhir" && fhirBase.trim() ? fhirBase.trim() : null,
          overview: diagram && part === "overview",
          // (a sub-pathway's flow is drawn whole, from its own first to last phase)
          phases: diagram && part === "phases" ? [phaseFrom, phaseTo] : [],
        },
        target,
      );
      setDone(target);
      if (reveal) await revealItemInDir(target).catch((e) => setError(asCoreError(e)));
    } catch (e) {
      setError(asCoreError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t("export.title")} onClose={onClose} busy={busy} className="export-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset disabled={busy}>
          <label>
            {t("export.format")}
            <select data-autofocus name="format" value={format} onChange={(e) => changeFormat(e.target.value as ExportFormat)}>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`export.formats.${f}`)}
                </option>
              ))}
            </select>
          </label>
          {format === "bpmn" && (
            <label className="check">
              <input type="checkbox" name="pools" checked={pools} onChange={(e) => setPools(e.target.checked)} />
              {t("export.pools")}
            </label>
          )}
          {several ? (
            <>
              <fieldset className="variants">
                <legend>{t("export.variants")}</legend>
                {doc.variants.map((v) => (
                  <label key={v.id} className="check">
                    <input
                      type="checkbox"
                      name="variants"
                      value={v.id}
                      checked={chosen.includes(v.id)}
                      onChange={(e) => toggle(v.id, e.target.checked)}
                    />
                    {v.name}
                  </label>
                ))}
              </fieldset>
            </>
          ) : (
            <label>
              {t("export.variant")}
              <select name="variant" value={variant} disabled={format === "json"} onChange={(e) => setVariant(e.target.value)}>
                {doc.variants.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {format === "fhir" && (
            <label>
              {t("export.fhirBase")}
              <input name="fhir_base" type="url" value={fhirBase} placeholder="https://fhir.example.no/r4" onChange={(e) => setFhirBase(e.target.value)} />
              <small>{t("export.fhirBaseHint")}</small>
            </label>
          )}
          {(report || diagram || format === "archimate" || format === "fhir") && (
            <label>
              {t(report ? "export.lang" : format === "archimate" || format === "fhir" ? "export.modelLang" : "export.diagramLang")}
              <select name="lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
                <option value="nb">Norsk bokmål</option>
                <option value="en">English</option>
              </select>
            </label>
          )}
          {diagram && (
            <label>
              {t("export.part")}
              <select name="part" value={part} onChange={(e) => setPart(e.target.value as typeof part)}>
                <option value="whole">{t("export.parts.whole")}</option>
                <option value="overview">{t("export.parts.overview")}</option>
                <option value="phases" disabled={phases.length === 0}>
                  {t("export.parts.phases")}
                </option>
                <option value="flow" disabled={subs.length === 0}>
                  {t("export.parts.flow")}
                </option>
              </select>
            </label>
          )}
          {diagram && part === "flow" && subs.length > 0 && (
            <label>
              {t("export.flow")}
              <select name="flow" value={subFlow} onChange={(e) => setFlow(e.target.value)}>
                {subs.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {diagram && part === "whole" && strip && !vertical && (
            <p className="hint" role="note">
              {t("export.stripHint", { ratio: (props.aspect ?? 0).toLocaleString(i18n.language === "en" ? "en" : "nb", { maximumFractionDigits: 1 }) })}
            </p>
          )}
          {diagram && part === "phases" && (
            <span className="phase-range">
              <PhaseSelect name="phaseFrom" label={t("export.phaseFrom")} phases={phases} value={phaseFrom} onChange={setPhaseFrom} />
              <PhaseSelect name="phaseTo" label={t("export.phaseTo")} phases={phases} value={phaseTo} onChange={setPhaseTo} />
            </span>
          )}
          <label className="check">
            <input type="checkbox" name="needs" checked={needs} disabled={!diagram} onChange={(e) => setNeeds(e.target.checked)} />
            {t("export.needs")}
          </label>
          <label className="check">
            <input type="checkbox" name="vertical" checked={vertical} disabled={!diagram} onChange={(e) => setVertical(e.target.checked)} />
            {t("export.vertical")}
          </label>
          {format === "png" && (
            <label>
              {t("export.scale")}
              <input
                name="scale"
                type="text"
                inputMode="decimal"
                value={scale}
                title={t("export.scaleHint")}
                onChange={(e) => setScale(e.target.value)}
              />
            </label>
          )}
          {format === "pdf" && (
            <label>
              {t("export.page")}
              <select name="page" value={page} onChange={(e) => setPage(e.target.value as Page)}>
                {(["fit", "a4", "a3"] as Page[]).map((p) => (
                  <option key={p} value={p}>
                    {t(`export.pages.${p}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="path">
            {t("export.file")}
            <span className="path-row">
              <input
                name="path"
                type="text"
                value={path}
                placeholder={t("export.filePlaceholder")}
                onChange={(e) => {
                  setPath(e.target.value);
                  setDone(null);
                }}
              />
              <button type="button" onClick={() => void choose().catch((e) => setError(asCoreError(e)))}>
                {t("export.choose")}
              </button>
            </span>
          </label>
          <label className="check">
            <input type="checkbox" name="reveal" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
            {t("export.revealAfter")}
          </label>
        </fieldset>
        <div className="status" aria-live="polite">
          {busy && (
            <span className="busy" role="status">
              <span className="spinner" aria-hidden="true" /> {t(report ? "export.busyReport" : "export.busy")}
            </span>
          )}
          {done && (
            <span className="done">
              {t("export.done", { path: done })}{" "}
              <button type="button" ref={result} data-refocus onClick={() => void revealItemInDir(done).catch((e) => setError(asCoreError(e)))}>
                {t("export.openFolder")}
              </button>
            </span>
          )}
          {error && (
            <span className="failed" role="alert">
              {error.message} <code>({error.code})</code>
            </span>
          )}
        </div>
        <div className="actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t("dialog.close")}
          </button>
          <button type="submit" className="primary" disabled={busy || !variant || (report && chosen.length === 0)}>
            {t("export.run")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

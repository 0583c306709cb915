// Compare mode: the diff picture the core draws (added, changed and removed-as-ghost
// elements, colour and symbol, with its key) and the list of differences beside it, grouped
// by element kind with each field's change "from → to". A click on an entry scrolls the
// picture to the element and rings it; an element the target variant has can be selected on
// the canvas.
import { open, save } from "../dialogs/files";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { asCoreError, type CoreError } from "../api";
import { compareApi } from "../review/api";
import type { Diff, DiffEntry, Document, ElementRef, VariantSummary } from "../generated/carepath";
import { CHANGE_SYMBOL, fileName, groupEntries, pictureId, selectable } from "./logic";
import "./compare.css";

interface Props {
  doc: Document;
  variantId: string | null;
  setError: (e: CoreError | null) => void;
  /** Leaves compare mode with this element selected on the canvas. */
  selectOnCanvas: (ref: ElementRef) => void;
  /** View → Compare with another file: choose the file (`path` answers the Open dialog). */
  fileRequest?: { n: number; path?: string } | null;
}

interface Ring {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A choice among variants (of this document or of another file), by name. */
function VariantSelect(props: { name: string; value: string; variants: readonly { id: string; name: string }[]; onChange: (id: string) => void }) {
  return (
    <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.variants.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name}
        </option>
      ))}
    </select>
  );
}

export function CompareView({ doc, variantId, setError, selectOnCanvas, fileRequest }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nb";
  const [source, setSource] = useState("");
  const [target, setTarget] = useState("");
  // the pair to start with is the core's (current → desired as the report compares them)
  useEffect(() => {
    let live = true;
    compareApi.pair(variantId).then(
      (p) => {
        if (!live || !p) return;
        setSource((s) => s || p.source);
        setTarget((t) => t || p.target);
      },
      (e) => live && setError(asCoreError(e)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [otherFile, setOtherFile] = useState<string | null>(null);
  // the other file's variants, and the one compared from (by default the one with the target's id)
  const [otherVariants, setOtherVariants] = useState<VariantSummary[]>([]);
  const [otherSource, setOtherSource] = useState("");
  const [diff, setDiff] = useState<Diff | null>(null);
  const [svg, setSvg] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [zoom, setZoom] = useState(0);
  const [focused, setFocused] = useState<string | null>(null);
  const [ring, setRing] = useState<Ring | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  // the diff picture as a file, drawn by the core as `carepath diff --picture` draws it
  const exportPicture = useCallback(async () => {
    try {
      const path = await save({ filters: [{ name: "SVG, PNG, PDF", extensions: ["svg", "png", "pdf"] }], defaultPath: "endringer.svg" });
      if (!path) return;
      const ext = path.toLowerCase().split(".").pop();
      const format = ext === "png" || ext === "pdf" ? ext : "svg";
      await compareApi.exportPicture(source, { format, variant: target, lang }, path);
      setSaved(path);
    } catch (e) {
      setError(asCoreError(e));
    }
  }, [source, target, lang, setError]);
  const box = useRef<HTMLDivElement>(null);
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;

  useEffect(() => {
    if (!target || (otherFile && !otherSource)) return;
    const from = otherFile ? otherSource : source;
    let stale = false;
    setBusy(true);
    const diffCall = otherFile
      ? compareApi.diffWithFile(otherFile, from, target, lang)
      : compareApi.diffVariants(from, target, lang);
    const picture = compareApi.picture(otherFile, from, { format: "svg", variant: target, lang });
    Promise.all([diffCall, picture])
      .then(([d, s]) => {
        if (stale) return;
        setDiff(d);
        setSvg(s);
        setRing(null);
        setFocused(null);
      })
      .catch((e) => !stale && setError(asCoreError(e)))
      .finally(() => !stale && setBusy(false));
    return () => {
      stale = true;
    };
  }, [source, target, otherFile, otherSource, lang, setError]);

  // the picture at the chosen zoom: the SVG's own size times the zoom
  useLayoutEffect(() => {
    const el = box.current?.querySelector("svg");
    if (!el) return;
    const w = Number(el.getAttribute("width")) || 0;
    const h = Number(el.getAttribute("height")) || 0;
    // at first the whole width fits (not smaller than a third, not larger than life)
    if (zoom === 0 && box.current) {
      setZoom(Math.min(1, Math.max(0.35, (box.current.clientWidth - 16) / Math.max(1, w))));
      return;
    }
    el.style.width = `${w * zoom}px`;
    el.style.height = `${h * zoom}px`;
  }, [svg, zoom]);

  const reveal = useCallback((e: DiffEntry) => {
    const id = pictureId(e);
    const pane = box.current;
    setFocused(`${e.kind}:${id}`);
    if (!id || !pane) return setRing(null);
    const marks = Array.from(pane.querySelectorAll<SVGGraphicsElement>(`[data-id="${CSS.escape(id)}"]`));
    if (marks.length === 0) return setRing(null);
    const p = pane.getBoundingClientRect();
    const rects = marks.map((m) => m.getBoundingClientRect());
    const left = Math.min(...rects.map((r) => r.left)) - p.left + pane.scrollLeft - 8;
    const top = Math.min(...rects.map((r) => r.top)) - p.top + pane.scrollTop - 8;
    const right = Math.max(...rects.map((r) => r.right)) - p.left + pane.scrollLeft + 8;
    const bottom = Math.max(...rects.map((r) => r.bottom)) - p.top + pane.scrollTop + 8;
    // small at the fitted zoom: a closer look first, then the ring is measured again
    if (zoomRef.current < 0.8) {
      setZoom(1);
      requestAnimationFrame(() => requestAnimationFrame(() => revealRef.current(e)));
      return;
    }
    setRing({ left, top, width: right - left, height: bottom - top });
    pane.scrollTo({ left: Math.max(0, (left + right) / 2 - pane.clientWidth / 2), top: Math.max(0, (top + bottom) / 2 - pane.clientHeight / 2), behavior: "smooth" });
  }, []);
  const revealRef = useRef(reveal);
  revealRef.current = reveal;

  const groups = diff ? groupEntries(diff) : [];
  const pickFile = async (given?: string) => {
    const path = given ?? (await open({ title: t("compare.otherFile"), multiple: false, directory: false, filters: [{ name: "Carepath", extensions: ["carepath"] }] }));
    if (typeof path !== "string") return;
    try {
      const variants = await compareApi.fileVariants(path);
      if (variants.length === 0) return;
      // a copy keeps its ids: the same variant there is the natural start
      setOtherSource((variants.find((v) => v.id === target) ?? variants[0]).id);
      setOtherVariants(variants);
      setOtherFile(path);
    } catch (e) {
      setError(asCoreError(e));
    }
  };
  const pickFileRef = useRef(pickFile);
  pickFileRef.current = pickFile;
  const handled = useRef(0);
  useEffect(() => {
    if (!fileRequest || fileRequest.n === handled.current) return;
    handled.current = fileRequest.n;
    void pickFileRef.current(fileRequest.path);
  }, [fileRequest]);
  const thisFile = () => {
    setOtherFile(null);
    setOtherVariants([]);
    setOtherSource("");
  };

  return (
    <div className="compare-view" aria-busy={busy || undefined}>
      <div className="compare-bar" role="group" aria-label={t("compare.choose")}>
        {otherFile ? (
          <span className="compare-file">
            <label title={otherFile}>
              {t("compare.fromFile", { path: fileName(otherFile) })}
              <VariantSelect name="other-source" value={otherSource} variants={otherVariants} onChange={setOtherSource} />
            </label>{" "}
            <button type="button" onClick={thisFile}>
              {t("compare.thisFile")}
            </button>
          </span>
        ) : (
          <label>
            {t("compare.from")}
            <VariantSelect name="source" value={source} variants={doc.variants} onChange={setSource} />
          </label>
        )}
        <span aria-hidden="true">→</span>
        <label>
          {t("compare.to")}
          <VariantSelect name="target" value={target} variants={doc.variants} onChange={setTarget} />
        </label>
        {!otherFile && (
          <button type="button" onClick={() => void pickFile()}>
            {t("compare.otherFile")}
          </button>
        )}
        <button type="button" onClick={() => void exportPicture()} disabled={!!otherFile || !diff} title={t("compare.exportPictureHint")}>
          {t("compare.exportPicture")}
        </button>
        {saved && (
          <span className="compare-saved" role="status">
            {t("compare.exported", { path: saved })}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))} aria-label={t("compare.zoomOut")}>
          −
        </button>
        <span className="compare-zoom">{Math.round((zoom || 1) * 100)} %</span>
        <button type="button" onClick={() => setZoom((z) => Math.min(3, z * 1.25))} aria-label={t("compare.zoomIn")}>
          +
        </button>
      </div>
      <div className="compare-body">
        <div className="compare-picture" ref={box} tabIndex={0} aria-label={t("compare.picture")} role="img">
          {/* the core escapes every user text in the SVG it draws */}
          <div dangerouslySetInnerHTML={{ __html: svg }} />
          {ring && <div className="compare-ring" style={ring} aria-hidden="true" />}
        </div>
        <aside className="compare-list" aria-label={t("compare.list")}>
          <h2>{t("compare.list")}</h2>
          {diff && diff.entries.length === 0 && <p>{t("compare.same")}</p>}
          {groups.map((g) => (
            <section key={g.kind}>
              <h3>
                {t(`compare.kind.${g.kind}`)} ({g.entries.length})
              </h3>
              <ul>
                {g.entries.map((e) => {
                  const key = `${e.kind}:${pictureId(e)}`;
                  return (
                    <li key={key} className={`diff-entry ${e.change}${focused === key ? " focused" : ""}`}>
                      <button type="button" className="diff-reveal" onClick={() => reveal(e)} aria-label={`${t(`compare.change.${e.change}`)}: ${e.label}`}>
                        <span className="diff-symbol" aria-hidden="true">{CHANGE_SYMBOL[e.change]}</span>
                        <span className="diff-label">
                          {e.label}
                          {e.renamed && e.before_label && <span className="diff-before"> ({t("compare.before", { label: e.before_label })})</span>}
                        </span>
                      </button>
                      {e.fields.length > 0 && (
                        <ul className="diff-fields">
                          {e.fields.map((f) => (
                            <li key={f.field}>
                              <span className="field-name">{f.name}:</span> <del>{f.before || "–"}</del> → <ins>{f.after || "–"}</ins>
                            </li>
                          ))}
                        </ul>
                      )}
                      {selectable(e) && (
                        <button type="button" className="link select-on-canvas" onClick={() => selectOnCanvas(e.element)}>
                          {t("compare.selectOnCanvas")}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </aside>
      </div>
    </div>
  );
}

// What a BPMN import left out or approximated, element by element with its place in the file.
import { useTranslation } from "react-i18next";
import type { ImportReport, ReportEntry } from "../generated/carepath";
import { Modal } from "./Modal";

function Entries(props: { title: string; entries: ReportEntry[] }) {
  if (props.entries.length === 0) return null;
  return (
    <section>
      <h3>
        {props.title} ({props.entries.length})
      </h3>
      <ul>
        {props.entries.map((e, i) => (
          <li key={i}>
            <code>
              {e.line}:{e.column}
            </code>{" "}
            <strong>{e.element}</strong>
            {e.name ? ` «${e.name}»` : ""}
            {e.id ? <span className="muted"> ({e.id})</span> : null} — {e.note}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ImportReportDialog(props: { source: string; report: ImportReport; onClose: () => void }) {
  const { t } = useTranslation();
  const { report } = props;
  const clean = report.skipped.length === 0 && report.approximated.length === 0;
  return (
    <Modal title={t("import.reportTitle")} onClose={props.onClose} className="import-report">
      <p>{t("import.imported", { source: props.source })}</p>
      {clean ? <p>{t("import.complete")}</p> : <p>{t("import.partial")}</p>}
      <div className="report-lists">
        <Entries title={t("import.skipped")} entries={report.skipped} />
        <Entries title={t("import.approximated")} entries={report.approximated} />
      </div>
      <div className="actions">
        <button type="button" className="primary" data-autofocus onClick={props.onClose}>
          {t("dialog.ok")}
        </button>
      </div>
    </Modal>
  );
}

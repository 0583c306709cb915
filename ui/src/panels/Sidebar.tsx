// The left side panel: tabs for actors, phases, the information catalogue, variants and the
// document's metadata; collapsible to a narrow strip.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Document, Edit } from "../generated/carepath";
import { ActorsPanel } from "./ActorsPanel";
import { CataloguePanel } from "./CataloguePanel";
import { ConfirmDialog, type Question } from "./ConfirmDialog";
import { MetadataForm } from "./MetadataForm";
import { PhasesPanel } from "./PhasesPanel";
import { VariantsPanel } from "./VariantsPanel";

const TABS = ["actors", "phases", "catalogue", "variants", "document"] as const;
type Tab = (typeof TABS)[number];

interface Props {
  doc: Document;
  variantId: string | null;
  onEdit: (edit: Edit) => Promise<boolean>;
  onSwitchVariant: (id: string) => void;
}

export function Sidebar({ doc, variantId, onEdit, onSwitchVariant }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<Tab>("actors");
  const [question, setQuestion] = useState<Question | null>(null);
  const onTabKey = (e: React.KeyboardEvent) => {
    // the tabs are drawn in a row that wraps: both arrow pairs move between them
    const next = e.key === "ArrowDown" || e.key === "ArrowRight";
    if (!next && e.key !== "ArrowUp" && e.key !== "ArrowLeft") return;
    e.preventDefault();
    const i = (TABS.indexOf(tab) + (next ? 1 : TABS.length - 1)) % TABS.length;
    setTab(TABS[i]);
    document.getElementById(`sidebar-tab-${TABS[i]}`)?.focus();
  };
  return (
    <aside className={`sidebar${open ? "" : " collapsed"}`} aria-label={t("sidebar.label")}>
      <button type="button" className="sidebar-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? t("sidebar.collapse") : t("sidebar.expand")} aria-label={open ? t("sidebar.collapse") : t("sidebar.expand")}>
        {open ? "«" : "»"}
      </button>
      {open && (
        <>
          <div className="tabs" role="tablist" aria-orientation="horizontal" aria-label={t("sidebar.label")} onKeyDown={onTabKey}>
            {TABS.map((k) => (
              <button
                key={k}
                id={`sidebar-tab-${k}`}
                role="tab"
                aria-selected={tab === k}
                aria-controls="sidebar-panel"
                tabIndex={tab === k ? 0 : -1}
                className={tab === k ? "active" : ""}
                onClick={() => setTab(k)}
              >
                {t(`sidebar.${k}`)}
              </button>
            ))}
          </div>
          <div id="sidebar-panel" className="tab-panel" role="tabpanel" aria-labelledby={`sidebar-tab-${tab}`}>
            {tab === "actors" && <ActorsPanel doc={doc} onEdit={onEdit} ask={setQuestion} />}
            {tab === "phases" && <PhasesPanel doc={doc} onEdit={onEdit} ask={setQuestion} />}
            {tab === "catalogue" && <CataloguePanel doc={doc} onEdit={onEdit} ask={setQuestion} />}
            {tab === "variants" && <VariantsPanel doc={doc} variantId={variantId} onEdit={onEdit} onSwitch={onSwitchVariant} ask={setQuestion} />}
            {tab === "document" && <MetadataForm doc={doc} onEdit={onEdit} />}
          </div>
        </>
      )}
      {question && <ConfirmDialog question={question} onClose={() => setQuestion(null)} />}
    </aside>
  );
}

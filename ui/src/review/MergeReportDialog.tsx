// What merging a reviewed copy brought in, and what it could not place and why.
import { useTranslation } from "react-i18next";
import { Modal } from "../dialogs/Modal";
import type { MergeReport } from "../generated/carepath";

export function MergeReportDialog(props: { path: string; report: MergeReport; onClose: () => void }) {
  const { t } = useTranslation();
  const r = props.report;
  return (
    <Modal title={t("review.merged")} onClose={props.onClose} className="merge-report">
      <p className="merge-source">{props.path}</p>
      <ul className="merge-counts">
        <li data-count="added">{t("review.mergeAdded", { comments: r.comments_added.length, reviews: r.reviews_added.length })}</li>
        <li data-count="updated">{t("review.mergeUpdated", { comments: r.comments_updated.length, reviews: r.reviews_updated.length })}</li>
        {r.reviews_kept_newer.length > 0 && <li>{t("review.mergeKept", { n: r.reviews_kept_newer.length })}</li>}
        <li data-count="unchanged">{t("review.mergeUnchanged", { n: r.unchanged })}</li>
      </ul>
      <h3>{t("review.mergeNotPlaced")}</h3>
      {r.not_placed.length === 0 ? (
        <p>{t("review.mergeAllPlaced")}</p>
      ) : (
        <ul className="not-placed">
          {r.not_placed.map((n, i) => (
            <li key={i}>
              <strong>{n.author}</strong>: «{n.text}» — {t(`review.reason.${n.reason}`)}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button className="primary" onClick={props.onClose}>
          {t("dialog.ok")}
        </button>
      </div>
    </Modal>
  );
}

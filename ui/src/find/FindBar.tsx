// The find bar (Ctrl/Cmd+F): a search field over the canvas with "2 of 5", next/previous and
// close. Enter or F3 goes to the next match, Shift+Enter or Shift+F3 to the previous one,
// Escape closes. The matches themselves come from ./search.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  query: string;
  onQuery: (q: string) => void;
  index: number;
  total: number;
  onStep: (back: boolean) => void;
  onClose: () => void;
  /** Bumped to focus the field again (Ctrl+F while open). */
  focusTick: number;
}

export function FindBar({ query, onQuery, index, total, onStep, onClose, focusTick }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusTick]);
  return (
    <div className="find-bar" role="search" aria-label={t("find.label")}>
      <input
        ref={input}
        type="search"
        name="find"
        value={query}
        placeholder={t("find.placeholder")}
        aria-label={t("find.label")}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === "F3") {
            e.preventDefault();
            e.stopPropagation();
            onStep(e.shiftKey);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query.trim() === "" ? "" : total === 0 ? t("find.none") : t("find.count", { n: index + 1, total })}
      </span>
      <button type="button" onClick={() => onStep(true)} disabled={total === 0} aria-label={t("find.prev")} title={t("find.prev")}>
        ↑
      </button>
      <button type="button" onClick={() => onStep(false)} disabled={total === 0} aria-label={t("find.next")} title={t("find.next")}>
        ↓
      </button>
      <button type="button" onClick={onClose} aria-label={t("find.close")} title={t("find.close")}>
        ✕
      </button>
    </div>
  );
}

// One entry of a side-panel list: its name (commits on blur / Enter), move up and down,
// delete, and its details folded out below.
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "./fields";

interface Props {
  name: string;
  first: boolean;
  last: boolean;
  onRename: (name: string) => void;
  onMove?: (delta: -1 | 1) => void;
  onRemove: () => void;
  removeDisabled?: string;
  swatch?: string;
  extra?: ReactNode;
  /** A button of the row's own, before Delete. */
  action?: ReactNode;
  children?: ReactNode;
  /** The row was just added: its name field takes the focus, the name selected. */
  fresh?: boolean;
}

export function ListRow({ name, first, last, onRename, onMove, onRemove, removeDisabled, swatch, extra, action, children, fresh }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className="list-row">
      <div className="row-head">
        {children && (
          <button type="button" className="fold" aria-expanded={open} aria-label={`${t("sidebar.details")}: ${name}`} onClick={() => setOpen(!open)}>
            {open ? "▾" : "▸"}
          </button>
        )}
        {swatch && <span className="swatch" style={{ background: swatch }} aria-hidden />}
        <div className="row-name">
          <TextField label={`${t("sidebar.name")}: ${name}`} value={name} required focusFirst={fresh} onCommit={(v) => onRename(v.trim())} />
        </div>
        {onMove && (
          <>
            <button type="button" className="icon" disabled={first} onClick={() => onMove(-1)} aria-label={`${t("sidebar.up")}: ${name}`} title={t("sidebar.up")}>
              ↑
            </button>
            <button type="button" className="icon" disabled={last} onClick={() => onMove(1)} aria-label={`${t("sidebar.down")}: ${name}`} title={t("sidebar.down")}>
              ↓
            </button>
          </>
        )}
        {action}
        <button
          type="button"
          className="icon danger"
          disabled={!!removeDisabled}
          onClick={onRemove}
          aria-label={`${t("sidebar.remove")}: ${name}`}
          title={removeDisabled ?? t("sidebar.remove")}
        >
          ✕
        </button>
      </div>
      {extra}
      {open && children && <div className="row-details">{children}</div>}
    </li>
  );
}

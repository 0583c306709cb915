// A modal dialog: labelled by its title, focus moves in when it opens and back when it
// closes, Tab stays inside, Escape closes (unless `busy`). While busy its fields are disabled,
// which takes the focus away; when the work ends the focus comes back to the element marked
// `data-refocus` (the result), or the first field.
import { useEffect, useId, useRef, type ReactNode } from "react";

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export function Modal(props: { title: string; onClose: () => void; busy?: boolean; className?: string; children: ReactNode }) {
  const { title, onClose, busy, className, children } = props;
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>("[data-autofocus]") ?? box.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => before?.focus?.();
  }, []);

  useEffect(() => {
    const el = box.current;
    const active = document.activeElement;
    // a field disabled while focused keeps the focus in some engines but takes no keys
    if (busy || !el || (active && el.contains(active) && !active.matches(":disabled"))) return;
    (el.querySelector<HTMLElement>("[data-refocus]") ?? el.querySelector<HTMLElement>(FOCUSABLE))?.focus();
  }, [busy]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    // keys inside the dialog never reach the canvas shortcuts
    e.stopPropagation();
    if (e.key === "Escape" && !busy) {
      e.preventDefault();
      onClose();
    } else if (e.key === "Tab" && box.current) {
      const all = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE));
      if (all.length === 0) return;
      const [first, last] = [all[0], all[all.length - 1]];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className={`modal ${className ?? ""}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy || undefined}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

// The breadcrumb of the flow shown: the variant's main flow, then each sub-pathway down to the
// one open. Each earlier entry is a button back up; the last names where one is.
import { useTranslation } from "react-i18next";
import type { Variant } from "../generated/carepath";
import { trailTo } from "./flowPath";

interface Props {
  variant: Variant;
  flow: string | null;
  onOpen: (flow: string | null) => void;
}

export function FlowTrail({ variant, flow, onOpen }: Props) {
  const { t } = useTranslation();
  const trail = trailTo(variant, flow);
  if (trail.length === 0) return null;
  return (
    <nav className="flow-trail" aria-label={t("flow.trail")}>
      <ol>
        <li>
          <button type="button" className="link" onClick={() => onOpen(null)} title={t("flow.up", { name: t("flow.main") })}>
            {variant.name}
          </button>
        </li>
        {trail.map((s, i) => (
          <li key={s.id}>
            {i < trail.length - 1 ? (
              <button type="button" className="link" onClick={() => onOpen(s.id)} title={t("flow.up", { name: s.label })}>
                {s.label}
              </button>
            ) : (
              <span aria-current="location">{s.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

// The parties of a data-sharing need, each an actor with its data role (produsent,
// datatilbyder, databehandler, datakonsument): one row per party with the actor and the role
// to pick and a button to remove it, and a button that adds a party (a consumer not yet
// among them). Each change is one edit of the need, so it undoes in one step.
import { useTranslation } from "react-i18next";
import type { DataRole, Document, Party } from "../generated/carepath";
import { VOCAB, vocabulary } from "./fields";
import { addedParty } from "./logic";

export function PartiesField({ doc, parties, onChange }: { doc: Document; parties: readonly Party[]; onChange: (parties: Party[]) => void }) {
  const { t } = useTranslation();
  const roles = vocabulary(t, "dataRole", VOCAB.dataRole);
  const name = (id: string) => doc.actors.find((a) => a.id === id)?.name ?? "?";
  const set = (i: number, patch: Partial<Party>) => onChange(parties.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  const added = addedParty(doc.actors, parties);
  return (
    <fieldset className="field parties">
      <legend>{t("need.parties")}</legend>
      <ul>
        {parties.map((p, i) => (
          <li key={`${p.actor}-${p.role}-${i}`} className="party">
            <select name="need-party-actor" aria-label={`${t("need.partyActor")} ${i + 1}`} value={p.actor} onChange={(e) => set(i, { actor: e.target.value })}>
              {doc.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <select name="need-party-role" aria-label={`${t("need.partyRole")} ${i + 1}`} value={p.role} onChange={(e) => set(i, { role: e.target.value as DataRole })}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="icon remove-party"
              aria-label={t("need.removeParty", { name: name(p.actor), role: t(`dataRole.${p.role}`).toLowerCase() })}
              title={t("need.removeParty", { name: name(p.actor), role: t(`dataRole.${p.role}`).toLowerCase() })}
              onClick={() => onChange(parties.filter((_, k) => k !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="add add-party" disabled={!added} onClick={() => added && onChange([...parties, added])}>
        + {t("need.addParty")}
      </button>
    </fieldset>
  );
}

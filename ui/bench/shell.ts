// Answers the desktop shell's calls from fixture files written by
// `cargo run --example ui_bench_fixture`, so the real user interface can be measured in a
// browser. Edits to steps are applied to the fixture so a drag ends in a real re-render.
import type { Document, Edit, Finding, Layout, Update } from "../src/generated/carepath";

export interface Fixture {
  doc: Document;
  layout: Layout;
  findings: Finding[];
  /** The number of the last message, as the core's viewer counts them. */
  seq: number;
}

export async function loadFixture(base: string): Promise<Fixture> {
  const get = async <T>(name: string): Promise<T> => {
    const r = await fetch(`${base}/${name}`);
    if (!r.ok) throw new Error(`${base}/${name}: ${r.status}`);
    return (await r.json()) as T;
  };
  const [doc, layout, findings] = await Promise.all([
    get<Document>("document.json"),
    get<Layout>("layout.json"),
    get<Finding[]>("findings.json"),
  ]);
  return { doc, layout, findings, seq: 0 };
}

/** What the shell would answer to `cmd`; commands the benchmark does not use answer null. */
export function answer(f: Fixture, cmd: string, args: Record<string, unknown> | undefined): unknown {
  switch (cmd) {
    case "current_document":
      return f.doc;
    case "show_view":
      return { seq: ++f.seq, document: f.doc, findings: f.findings, variant: f.layout.variant, layout: f.layout };
    case "document_read_only":
      return false;
    case "apply_edit":
      return applyStepEdit(f, (args as { edit: Edit }).edit);
    case "undo":
    case "redo":
      return { seq: ++f.seq, changed: [], values: [], variant: f.layout.variant };
    default:
      return null;
  }
}

/** A moved step: the one step's new value and its box moved, as the core's Update says it. */
function applyStepEdit(f: Fixture, edit: Edit): Update {
  const update: Update = { seq: ++f.seq, changed: [], values: [], variant: f.layout.variant };
  if (edit.op !== "update_step") return update;
  update.changed = [{ kind: "step", variant: edit.variant, id: edit.step.id }];
  update.values = [{ kind: "step", variant: edit.variant, id: edit.step.id, step: edit.step }];
  const pos = edit.step.position;
  const old = f.layout.steps.find((b) => b.id === edit.step.id);
  if (pos && old) {
    const moved = { ...old, x: pos.x, y: pos.y, pinned: true };
    f.layout = { ...f.layout, steps: f.layout.steps.map((b) => (b.id === edit.step.id ? moved : b)) };
    const { steps: _s, edges: _e, needs: _n, ...frame } = f.layout;
    update.layout = { ...frame, whole: false, steps: [moved], removed_steps: [], edges: [], removed_edges: [], needs: [], removed_needs: [] };
  }
  return update;
}

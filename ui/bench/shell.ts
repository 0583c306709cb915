// Answers the desktop shell's calls from fixture files written by
// `cargo run --example ui_bench_fixture`, so the real user interface can be measured in a
// browser. Edits to steps are applied to the fixture so a drag ends in a real re-render.
import type { Document, Edit, Finding, Layout } from "../src/generated/carepath";

export interface Fixture {
  doc: Document;
  layout: Layout;
  findings: Finding[];
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
  return { doc, layout, findings };
}

/** What the shell would answer to `cmd`; commands the benchmark does not use answer null. */
export function answer(f: Fixture, cmd: string, args: Record<string, unknown> | undefined): unknown {
  switch (cmd) {
    case "current_document":
      return f.doc;
    case "validate":
      return f.findings;
    case "layout":
      return f.layout;
    case "apply_edit":
      applyStepEdit(f, (args as { edit: Edit }).edit);
      return [];
    case "undo":
    case "redo":
      return [];
    default:
      return null;
  }
}

/** A moved step: a new document value with that one step replaced, and its box moved. */
function applyStepEdit(f: Fixture, edit: Edit) {
  if (edit.op !== "update_step") return;
  f.doc = {
    ...f.doc,
    variants: f.doc.variants.map((v) =>
      v.id !== edit.variant ? v : { ...v, steps: v.steps.map((s) => (s.id === edit.step.id ? edit.step : s)) },
    ),
  };
  const pos = edit.step.position;
  if (pos) {
    f.layout = {
      ...f.layout,
      steps: f.layout.steps.map((b) => (b.id === edit.step.id ? { ...b, x: pos.x, y: pos.y, pinned: true } : b)),
    };
  }
}

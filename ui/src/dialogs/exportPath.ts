// File names for exports: the extension of each format, and a path with its extension
// swapped when the user changes the format.
import type { ExportFormat } from "../generated/carepath";

export const FORMATS: ExportFormat[] = ["svg", "png", "pdf", "bpmn", "archimate", "fhir", "json", "md", "html", "docx", "report_pdf", "csv", "xlsx"];

/** Reports (md, html, docx, typeset PDF) and the needs register (csv, xlsx): several variants, a language. */
export const REPORTS: ExportFormat[] = ["md", "html", "docx", "report_pdf", "csv", "xlsx"];

/** Formats that take several variants: the reports, BPMN (one pool per variant) and ArchiMate
 * (one view per variant). */
export const SEVERAL: ExportFormat[] = [...REPORTS, "bpmn", "archimate"];

export function extensionOf(format: ExportFormat): string {
  if (format === "report_pdf") return "pdf";
  if (format === "archimate") return "xml";
  if (format === "fhir") return "json";
  return format;
}

/** `path` with the extension of `format` (added when it has none or another format's). */
export function withExtension(path: string, format: ExportFormat): string {
  if (!path) return path;
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const dot = path.lastIndexOf(".");
  const ext = dot > slash ? path.slice(dot + 1).toLowerCase() : "";
  const base = dot > slash && FORMATS.map(extensionOf).includes(ext) ? path.slice(0, dot) : path;
  return `${base}.${extensionOf(format)}`;
}

/** A file name for the export of a document title and variant name. */
export function suggestedName(title: string, variant: string | undefined, format: ExportFormat): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|]+/g, "-").trim();
  const whole = format === "json" || SEVERAL.includes(format);
  const parts = [clean(title) || "carepath", whole || !variant ? "" : clean(variant)].filter(Boolean);
  return `${parts.join(" – ")}.${extensionOf(format)}`;
}

/** The PNG scale typed in the dialog (pixels per diagram unit), or null when it is not a
 * positive number; a decimal comma is taken as a point. */
export function parseScale(text: string): number | null {
  const n = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(n) && n > 0 ? n : null;
}

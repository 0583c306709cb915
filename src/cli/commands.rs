//! The commands themselves: read, call the core, print. Errors name the file and the cause.

use super::{Cli, Command, DiagramArgs, ExportFormat, Outcome, PageArg, ReportFormat, TextOrJson};
use carepath::export::bpmn;
use carepath::export::json::schema;
use carepath::model::{Document, Lang};
use carepath::rules::{validate, Finding, Severity};
use carepath::store::{self, Session};
use carepath::{import, template};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Runs one command.
pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::New { file, template, title, skeleton, lang } => new(&file, template.as_deref(), title, skeleton, lang),
        Command::Info { file, format, layout: false, .. } => info(&file, format),
        Command::Info { file, format, variant, vertical, no_needs, .. } => layout_info(&file, format, variant.as_deref(), vertical, no_needs),
        Command::Validate { file, format, lang } => validate_cmd(&file, format, lang),
        Command::Export { file, format, output, diagram, lang } => {
            not_the_input(&file, output.as_deref())?;
            match format {
                ExportFormat::Csv | ExportFormat::Xlsx => register(&file, format, output.as_deref(), diagram.variant.as_deref(), lang),
                _ => export(&file, format, output.as_deref(), &diagram, lang),
            }
        }
        Command::Report { file, format, variants, lang, metadata_headers, output } => report(&file, format, &variants, (lang, metadata_headers), &output),
        Command::Import { file, output } => import_file(&file, &output),
        Command::Templates => {
            for t in template::list() {
                println!("{}\t{}\t{}", t.name, t.title, t.title_en);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => write_out(None, schema().as_bytes()),
        Command::Diff(args) => super::diff::run(args),
        Command::Review { command } => super::review::run(command),
        Command::Git { command } => super::git::run(command),
        Command::Collab { command } => super::collab::run(command),
        Command::Walk(args) => super::walk::run(args),
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn read(file: &Path) -> Result<Document, String> {
    store::read(file).map_err(|e| e.message)
}

fn new(file: &Path, template_name: Option<&str>, title: Option<String>, skeleton: bool, lang: Lang) -> Outcome {
    let doc = match template_name {
        Some(name) => {
            let mut doc = template::load(name).map_err(|e| e.message)?;
            if let Some(t) = title {
                doc.metadata.title = t;
            }
            doc
        }
        None => template::blank(title.as_deref().unwrap_or(""), lang, skeleton),
    };
    let session = Session::create(file, doc).map_err(|e| e.message)?;
    eprintln!("created {} ({})", shown(file), session.document().metadata.title);
    Ok(ExitCode::SUCCESS)
}

fn info(file: &Path, format: TextOrJson) -> Outcome {
    let doc = read(file)?;
    let summary = carepath::summary::summary(&doc);
    let text = match format {
        TextOrJson::Json => serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())? + "\n",
        TextOrJson::Text => summary.to_text(),
    };
    write_out(None, text.as_bytes())
}

fn layout_info(file: &Path, format: TextOrJson, variant: Option<&str>, vertical: bool, no_needs: bool) -> Outcome {
    use carepath::layout::{self, measure::measure, LayoutOptions, Orientation};
    let doc = read(file)?;
    let variants = match variant {
        Some(_) => vec![bpmn::pick_variant(&doc, variant).map_err(|e| format!("{}: {}", shown(file), e.message))?],
        None => doc.variants.iter().collect(),
    };
    let options = LayoutOptions { orientation: if vertical { Orientation::Vertical } else { Orientation::Horizontal }, needs: !no_needs, flow: None, hide_unused_lanes: true };
    let mut all = Vec::new();
    for v in variants {
        let l = layout::layout_with(&doc, v.id, &options).map_err(|e| format!("{}: {}", shown(file), e.message))?;
        // the overview figure: the pathway wrapped into rows where it is a strip
        let overview = carepath::export::diagram::compose::overview_size(&l);
        all.push((v.name.clone(), measure(&l), overview, carepath::export::diagram::compose::too_wide(&l)));
    }
    let text = match format {
        TextOrJson::Json => {
            let list: Vec<_> = all
                .iter()
                .map(|(name, m, (w, h), wide)| {
                    let figure = if *wide { "overview" } else { "whole" };
                    serde_json::json!({ "variant": name, "measures": m, "overview": { "width": w, "height": h, "aspect": w / h.max(1.0) }, "export_draws": figure })
                })
                .collect();
            serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n"
        }
        TextOrJson::Text => all
            .iter()
            .map(|(name, m, (w, h), wide)| {
                let drawn = if *wide { "the overview (the whole drawing is wider than 3 : 1; --strip draws it)" } else { "the whole drawing" };
                format!("{name}\n{}overview: {w:.0} × {h:.0} ({:.2} : 1)\nexport draws: {drawn}\n", m.to_text(), w / h.max(1.0))
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    write_out(None, text.as_bytes())
}

fn validate_cmd(file: &Path, format: TextOrJson, lang: Lang) -> Outcome {
    let doc = read(file)?;
    let findings = validate(&doc);
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let accepted = findings.iter().filter(|f| f.accepted.is_some()).count();
    let text = match format {
        TextOrJson::Json => serde_json::to_string_pretty(&findings).map_err(|e| e.to_string())? + "\n",
        TextOrJson::Text => findings_text(&doc, &findings, lang),
    };
    write_out(None, text.as_bytes())?;
    let warnings = carepath::rules::open(&findings).filter(|f| f.severity == Severity::Warning).count();
    let notes = findings.len() - errors - warnings - accepted;
    let summary = match lang {
        Lang::Nb => format!("{errors} feil, {warnings} advarsel/advarsler, {notes} merknad(er), {accepted} godtatt"),
        Lang::En => format!("{errors} error(s), {warnings} warning(s), {notes} note(s), {accepted} accepted"),
    };
    eprintln!("{}: {summary}", shown(file));
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn findings_text(doc: &Document, findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let variant = f.variant.and_then(|v| doc.variant(v)).map(|v| format!(" [{}]", v.name)).unwrap_or_default();
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        out.push_str(&format!("{sev}: {}{variant}: {}\n", f.rule, f.message(lang)));
        if let Some(a) = &f.accepted {
            let word = if lang == Lang::Nb { "godtatt av" } else { "accepted by" };
            out.push_str(&format!("  {word} {}: {}\n", a.author, a.reason.replace('\n', " ")));
        }
    }
    out
}

/// Refuses an output path that is the input file itself or another Carepath document: an
/// export or report never writes over a document.
fn not_the_input(file: &Path, output: Option<&Path>) -> Result<(), String> {
    let Some(out) = output else { return Ok(()) };
    let same = match (std::fs::canonicalize(file), std::fs::canonicalize(out)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(format!("{}: the output would overwrite the input file; choose another -o", shown(out)));
    }
    if store::is_carepath_file(out) {
        return Err(format!("{}: is a Carepath document; an export does not overwrite it; choose another -o", shown(out)));
    }
    Ok(())
}

/// The variants named on the command line (every variant when none are).
fn named_variants(file: &Path, doc: &Document, names: &[String]) -> Result<Vec<carepath::model::VariantId>, String> {
    names
        .iter()
        .map(|n| bpmn::pick_variant(doc, Some(n)).map(|v| v.id).map_err(|e| format!("{}: {}", shown(file), e.message)))
        .collect()
}

fn register(file: &Path, format: ExportFormat, output: Option<&Path>, variant: Option<&str>, lang: Lang) -> Outcome {
    use carepath::report::{self, ReportOptions};
    let doc = read(file)?;
    let mut opts = ReportOptions::new(if format == ExportFormat::Xlsx { report::ReportFormat::Xlsx } else { report::ReportFormat::Csv }, lang);
    opts.variants = named_variants(file, &doc, variant.map(str::to_string).as_slice())?;
    let r = report::render(&doc, &opts).map_err(|e| format!("{}: {}", shown(file), e.message))?;
    write_out(output, &r.main)
}

fn report(file: &Path, format: ReportFormat, variants: &[String], (lang, headers): (Lang, Option<Lang>), output: &Path) -> Outcome {
    use carepath::report::{self, ReportOptions};
    not_the_input(file, Some(output))?;
    let doc = read(file)?;
    let mut opts = ReportOptions::new(
        match format {
            ReportFormat::Md => report::ReportFormat::Md,
            ReportFormat::Html => report::ReportFormat::Html,
            ReportFormat::Docx => report::ReportFormat::Docx,
            ReportFormat::Pdf => report::ReportFormat::Pdf,
        },
        lang,
    );
    opts.variants = named_variants(file, &doc, variants)?;
    opts.metadata_headers = headers;
    let written = report::write(&doc, &opts, output).map_err(|e| format!("{}: {}", shown(file), e.message))?;
    eprintln!("wrote {}", written.iter().map(|p| shown(p)).collect::<Vec<_>>().join(", "));
    Ok(ExitCode::SUCCESS)
}

fn export(file: &Path, format: ExportFormat, output: Option<&Path>, args: &DiagramArgs, lang: Lang) -> Outcome {
    use carepath::export::{self, diagram::Page, ExportOptions};
    use carepath::layout::{LayoutOptions, Orientation};
    let doc = read(file)?;
    let variant = match format {
        // JSON holds every variant; the choice does not matter
        ExportFormat::Json => doc.variants.first().map(|v| v.id).unwrap_or_default(),
        _ => bpmn::pick_variant(&doc, args.variant.as_deref()).map_err(|e| format!("{}: {}", shown(file), e.message))?.id,
    };
    let flow = match &args.flow {
        Some(name) => Some(flow_named(&doc, variant, name).map_err(|e| format!("{}: {e}", shown(file)))?),
        None => None,
    };
    let mut opts = ExportOptions {
        format: match format {
            ExportFormat::Json => export::ExportFormat::Json,
            ExportFormat::Bpmn => export::ExportFormat::Bpmn,
            ExportFormat::Archimate => export::ExportFormat::Archimate,
            ExportFormat::Fhir => export::ExportFormat::Fhir,
            ExportFormat::Svg => export::ExportFormat::Svg,
            ExportFormat::Png => export::ExportFormat::Png,
            ExportFormat::Pdf => export::ExportFormat::Pdf,
            ExportFormat::Csv => export::ExportFormat::Csv,
            ExportFormat::Xlsx => export::ExportFormat::Xlsx,
        },
        variant,
        layout: LayoutOptions {
            orientation: if args.vertical { Orientation::Vertical } else { Orientation::Horizontal },
            needs: !args.no_needs,
            flow,
            // a figure shows the lanes the variant uses
            hide_unused_lanes: true,
        },
        scale: args.scale,
        page: match args.page {
            PageArg::Fit => Page::Fit,
            PageArg::A4 => Page::A4,
            PageArg::A3 => Page::A3,
        },
        lang,
        // BPMN without --variant carries the whole document: every variant, one pool each
        // (a pool per actor is one variant's)
        pools: args.pools,
        variants: match (format, &args.variant) {
            (ExportFormat::Bpmn, None) if !args.pools => doc.variants.iter().map(|v| v.id).collect(),
            (ExportFormat::Archimate, Some(_)) => vec![variant],
            _ => Vec::new(),
        },
        phases: args
            .phases
            .iter()
            // FIRST..LAST names both ends of a range
            .flat_map(|arg| match arg.split_once("..") {
                Some((a, b)) if phase_named(&doc, a).is_some() && phase_named(&doc, b).is_some() => vec![a.to_string(), b.to_string()],
                _ => vec![arg.clone()],
            })
            .map(|name| {
                phase_named(&doc, &name).ok_or_else(|| {
                    let names: Vec<&str> = doc.phases.iter().map(|p| p.name.as_str()).collect();
                    format!("{}: there is no phase named '{name}'; the document has: {}", shown(file), names.join(", "))
                })
            })
            .collect::<Result<_, String>>()?,
        overview: args.overview,
        fhir_base: args.fhir_base.clone(),
    };
    if strip_too_wide(&doc, &opts, args) {
        // a strip no page shows legibly: the overview wraps it into rows of phases, as the
        // export dialog and the reports draw it
        opts.overview = true;
        eprintln!("{}: the whole pathway is wider than 3 : 1; drawing the overview (phases in rows). --strip draws it as one strip.", shown(file));
    }
    if (opts.overview || !opts.phases.is_empty()) && !matches!(format, ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf) {
        let flag = if opts.overview { "--overview" } else { "--phase" };
        return Err(format!("{}: {flag} draws a diagram: use --format svg, png or pdf", shown(file)));
    }
    let bytes = export::render(&doc, &opts).map_err(|e| format!("{}: {}", shown(file), e.message))?;
    write_out(output, &bytes)
}

fn import_file(file: &Path, output: &Path) -> Outcome {
    let (doc, report) = import::read(file).map_err(|e| e.message)?;
    // BPMN and ArchiMate say what they left out or approximated
    let bpmn = import::format_of_file(file) != import::Format::Json;
    if bpmn {
        eprint!("{}", report.to_text(&shown(file)));
    }
    Session::create(output, doc).map_err(|e| e.message)?;
    if bpmn {
        let (skipped, approximated) = (report.skipped.len(), report.approximated.len());
        eprintln!("imported {} into {} ({skipped} not imported, {approximated} approximated)", shown(file), shown(output));
    } else {
        eprintln!("imported {} into {}", shown(file), shown(output));
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a whole-variant figure on one page would be a strip wider than 3 : 1, so the
/// overview should be drawn instead (unless `--strip`, `--overview`, `--phase` or tiled pages
/// say otherwise).
fn strip_too_wide(doc: &carepath::model::Document, opts: &carepath::export::ExportOptions, args: &DiagramArgs) -> bool {
    use carepath::export::{diagram::Page, ExportFormat};
    let figure = matches!(opts.format, ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf);
    if !figure || args.strip || opts.overview || !opts.phases.is_empty() || opts.page != Page::Fit {
        return false;
    }
    carepath::layout::layout_with(doc, opts.variant, &opts.layout).is_ok_and(|l| carepath::export::diagram::compose::too_wide(&l))
}

/// Writes to a file (atomically: a temporary file beside it, then a rename) or to stdout.
pub(super) fn write_out(output: Option<&Path>, bytes: &[u8]) -> Outcome {
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|_| out.flush()).map_err(|e| format!("cannot write to standard output: {e}"))?;
        }
        Some(path) => carepath::export::write_file(path, bytes).map_err(|e| e.message)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The phase with this name (any case) or id.
fn phase_named(doc: &carepath::model::Document, name: &str) -> Option<carepath::model::PhaseId> {
    doc.phases.iter().find(|p| p.name.trim().eq_ignore_ascii_case(name.trim()) || p.id.to_string() == name.trim()).map(|p| p.id)
}

/// The sub-pathway step, by label (any case) or id, whose own flow is to be drawn.
fn flow_named(doc: &carepath::model::Document, variant: carepath::model::VariantId, name: &str) -> Result<carepath::model::StepId, String> {
    let v = doc.variant(variant).ok_or("the variant is gone")?;
    let flows = v.nested_flows();
    let found = flows.iter().copied().find(|&f| {
        v.step(f).is_some_and(|s| s.label.trim().eq_ignore_ascii_case(name.trim()) || s.id.to_string() == name.trim())
    });
    found.ok_or_else(|| {
        let names: Vec<String> = flows.iter().filter_map(|&f| v.step(f)).map(|s| format!("'{}'", s.label)).collect();
        if names.is_empty() {
            format!("variant '{}' has no sub-pathway with a flow of its own, so there is no flow '{name}' to draw", v.name)
        } else {
            format!("variant '{}' has no sub-pathway '{name}' with a flow of its own; it has: {}", v.name, names.join(", "))
        }
    })
}

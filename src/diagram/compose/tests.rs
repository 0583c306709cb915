use super::*;
use crate::layout::layout;

/// Every step is drawn in one of the rows: its stretch holds it along the flow and its kept
/// lanes across.
fn every_step_in_a_row(l: &Layout, rows: &[Row], columns: std::ops::RangeInclusive<usize>) {
    for b in l.steps.iter().filter(|b| columns.contains(&b.column)) {
        let held = rows.iter().any(|r| b.x >= r.stretch.start - 1e-6 && b.x + b.w <= r.stretch.end + 1e-6 && b.y >= r.from - 1e-6 && b.y + b.h <= r.to + 1e-6);
        assert!(held, "step {} ({}) is in no row", b.number, b.label.lines.join(" "));
    }
}

#[test]
fn the_copd_overview_wraps_into_rows_no_wider_than_three_to_one() {
    let doc = crate::template::load("copd").unwrap();
    for v in &doc.variants {
        let l = layout(&doc, v.id).unwrap();
        assert!(l.width / l.height > MAX_ASPECT, "the pathway itself is a strip, so the overview has to wrap");
        let rows = overview_rows(&l, Lang::Nb);
        assert!(rows.len() >= 2, "{}", rows.len());
        every_step_in_a_row(&l, &rows, 0..=l.columns.len());
        let o = overview(&doc, v, &l, Lang::Nb);
        let aspect = o.width / o.height;
        assert!((1.0..=MAX_ASPECT).contains(&aspect), "{}: {aspect:.2} : 1", v.name);
        assert_eq!((o.width, o.height), overview_size(&l));
        // the rows are joined by markers naming the steps at the other end
        assert!(o.svg.contains(">til ") && o.svg.contains(">fra "), "no cut markers");
        crate::diagram::raster::tree(&o.svg).unwrap();
    }
}

#[test]
fn a_phase_figure_keeps_only_the_lanes_the_phase_uses_and_marks_where_the_flow_enters_and_leaves() {
    let doc = crate::template::load("copd").unwrap();
    let v = &doc.variants[0];
    let l = layout(&doc, v.id).unwrap();
    let mut fewer = 0;
    for (i, p) in doc.phases.iter().enumerate() {
        let f = phases(&doc, v, &l, &[p.id], Lang::En).unwrap();
        assert_eq!(f.phase, p.name);
        assert!(f.height <= l.height + 1e-6);
        fewer += usize::from(f.height < l.height - 1.0);
        let rows = vec![row(&l, column_stretches(&l)[i], Lang::En).unwrap()];
        every_step_in_a_row(&l, &rows, i..=i);
        // the first phase is entered from nowhere, the last leads nowhere; the others have both
        if i > 0 {
            assert!(f.svg.contains(">from "), "{}: no marker where the flow enters", p.name);
        }
        if i + 1 < doc.phases.len() {
            assert!(f.svg.contains(">to "), "{}: no marker where the flow leaves", p.name);
        }
        crate::diagram::raster::tree(&f.svg).unwrap();
    }
    assert!(fewer >= 1, "some phase of the COPD pathway uses fewer lanes than all");
}

#[test]
fn a_marker_names_the_step_at_the_other_end() {
    let doc = crate::template::load("copd").unwrap();
    let v = &doc.variants[0];
    let l = layout(&doc, v.id).unwrap();
    let cols = column_stretches(&l);
    let (before, after) = markers(&l, cols[1], Lang::Nb);
    let number = |id: StepId| l.steps.iter().find(|b| b.id == id).unwrap().number;
    let col = |id: StepId| l.steps.iter().find(|b| b.id == id).unwrap().column;
    // every transition from the first phase into the second is named by its source at the first cut
    for t in v.transitions() {
        if col(t.from) == 0 && col(t.to) == 1 {
            let n = number(t.from).to_string();
            assert!(before.iter().any(|(_, m)| m.starts_with("fra ") && m[4..].split(", ").any(|x| x == n)), "{n} not in {before:?}");
        }
        if col(t.from) == 1 && col(t.to) == 2 {
            let n = number(t.to).to_string();
            assert!(after.iter().any(|(_, m)| m.starts_with("til ") && m[4..].split(", ").any(|x| x == n)), "{n} not in {after:?}");
        }
    }
}

#[test]
fn a_vertical_overview_is_the_pathway_in_one_column_and_its_size_is_the_figure_s() {
    let doc = crate::template::load("copd").unwrap();
    let v = &doc.variants[0];
    let opts = crate::layout::LayoutOptions { orientation: Orientation::Vertical, needs: true, flow: None, hide_unused_lanes: false };
    let l = crate::layout::layout_with(&doc, v.id, &opts).unwrap();
    let o = overview(&doc, v, &l, Lang::Nb);
    assert_eq!((o.width, o.height), overview_size(&l));
    assert!(o.height > o.width, "the flow runs downwards: {} × {}", o.width, o.height);
    crate::diagram::raster::tree(&o.svg).unwrap();
}

#[test]
fn split_makes_contiguous_groups_with_the_shortest_longest() {
    let units: Vec<Stretch> = [0.0, 100.0, 150.0, 400.0, 500.0].windows(2).map(|w| Stretch { start: w[0], end: w[1] }).collect();
    assert_eq!(split(&units, 2), vec![(0.0, 150.0), (150.0, 500.0)]);
    assert!(split(&units, 4).len() <= 4 && split(&units, 4).iter().all(|g| g.1 - g.0 <= 250.0));
    assert_eq!(split(&units, 1), vec![(0.0, 500.0)]);
}


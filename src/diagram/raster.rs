//! Turning the SVG into pixels: the SVG is parsed by usvg with a font database that holds
//! only the embedded DejaVu Sans (no system fonts), so every machine renders the same image,
//! and rasterised by resvg/tiny-skia at a chosen scale onto a white background.

use crate::error::{CoreError, ErrorCode, Result};
use crate::layout::text::{FONT_BOLD, FONT_FAMILY, FONT_REGULAR};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// The largest PNG side, in pixels.
pub const MAX_SIDE: f64 = 32_000.0;
/// The largest PNG, in pixels.
pub const MAX_PIXELS: f64 = 400_000_000.0;

/// A font database with the embedded fonts and nothing else.
pub fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_REGULAR.to_vec());
        db.load_font_data(FONT_BOLD.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parses SVG text with the embedded fonts.
pub fn tree(svg: &str) -> Result<usvg::Tree> {
    let opt = usvg::Options { font_family: FONT_FAMILY.to_string(), fontdb: fonts(), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &opt).map_err(|e| CoreError::new(ErrorCode::InvalidValue, format!("the diagram's SVG could not be read: {e}")))
}

/// Refuses a picture of `width` × `height` diagram units that would be too large a PNG at
/// `scale`; called with the layout's size before anything is drawn, and again with the
/// drawing's own size.
pub fn check(width: f64, height: f64, scale: f64) -> Result<()> {
    let (w, h) = ((width * scale).ceil(), (height * scale).ceil());
    if w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS {
        let most = (MAX_SIDE / width.max(height)).min((MAX_PIXELS / (width * height)).sqrt());
        return Err(CoreError::new(
            ErrorCode::InvalidValue,
            format!("the diagram would be {w} × {h} pixels at scale {scale}, too large for a PNG; use a scale of at most {:.3}, draw a part (--phase), or export SVG", (most * 1000.0).floor() / 1000.0),
        ));
    }
    Ok(())
}

/// Renders SVG text to PNG bytes at `scale` pixels per diagram unit.
pub fn png(svg: &str, scale: f64) -> Result<Vec<u8>> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(CoreError::new(ErrorCode::InvalidValue, format!("scale must be a positive number, not {scale}")));
    }
    let tree = tree(svg)?;
    let size = tree.size();
    check(size.width() as f64, size.height() as f64, scale)?;
    let (w, h) = ((size.width() as f64 * scale).ceil(), (size.height() as f64 * scale).ceil());
    let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32)
        .ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, format!("cannot make a {w} × {h} image")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale as f32, scale as f32), &mut pixmap.as_mut());
    encode(&pixmap)
}

/// The picture as an RGBA PNG with fast compression: several times quicker than the default
/// for the large pictures reports embed. The pixels are written as tiny-skia holds them; taking
/// out the (always opaque) alpha first saved 5 % of the file but took two thirds of a report's
/// time in a development build.
pub fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>> {
    let failed = |e: png::EncodingError| CoreError::new(ErrorCode::Io, format!("PNG encoding failed: {e}"));
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    let mut writer = enc.write_header().map_err(failed)?;
    writer.write_image_data(pixmap.data()).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_embedded_fonts_are_known() {
        let db = fonts();
        assert_eq!(db.len(), 2);
        assert!(db.faces().all(|f| f.families.iter().any(|(n, _)| n == FONT_FAMILY)));
    }

    #[test]
    fn bad_scales_and_huge_images_are_refused() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><text x="5" y="20">æøå</text></svg>"#;
        assert!(png(svg, 0.0).is_err());
        assert!(png(svg, 1000.0).unwrap_err().message.contains("at most"));
        assert!(png(svg, 2.0).unwrap().starts_with(b"\x89PNG"));
    }
}

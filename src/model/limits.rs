//! Size limits on user text, so a pasted 10 MB label is refused with a clear message instead
//! of freezing the canvas or bloating the file.

/// Longest name or label, in characters.
pub const MAX_LABEL_CHARS: usize = 2_000;
/// Longest free text (descriptions, notes, comments), in characters.
pub const MAX_TEXT_CHARS: usize = 200_000;

/// `Err(message)` when `text` is longer than `max` characters.
pub fn check_len(field: &str, text: &str, max: usize) -> Result<(), String> {
    // bytes bound chars from above: only count when it could matter
    if text.len() > max && text.chars().count() > max {
        return Err(format!(
            "{field} is {} characters long; at most {max} are allowed",
            text.chars().count()
        ));
    }
    Ok(())
}

/// The first 60 characters of a label, for messages.
pub fn short(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        s.push('…');
    }
    s
}

//! Checks for text typed by staff or customers: trimmed, bounded, free of control characters.

use crate::DomainError;

/// One line of text: trimmed, at most `max` characters, no control characters.
pub fn single_line(field: &str, value: &str, max: usize) -> Result<String, DomainError> {
    let value = value.trim();
    if value.chars().any(char::is_control) {
        return Err(DomainError::invalid(
            field,
            "Remove the control characters (such as tabs or line breaks) from this field.",
        ));
    }
    bounded(field, value, max)
}

/// Several lines of text: line breaks and tabs allowed, other control characters refused.
pub fn multi_line(field: &str, value: &str, max: usize) -> Result<String, DomainError> {
    let value = value.trim().replace("\r\n", "\n");
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(DomainError::invalid(field, "Remove the control characters from this field."));
    }
    bounded(field, &value, max)
}

fn bounded(field: &str, value: &str, max: usize) -> Result<String, DomainError> {
    let count = value.chars().count();
    if count > max {
        return Err(DomainError::invalid(field, format!("At most {max} characters ({count} given).")));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_count_characters_not_bytes() {
        assert_eq!(single_line("f", "  王小明  ", 3).unwrap(), "王小明");
        assert!(single_line("f", "王小明a", 3).is_err());
        assert!(single_line("f", "a\nb", 10).is_err());
        assert_eq!(multi_line("f", "a\r\nb", 10).unwrap(), "a\nb");
        assert!(multi_line("f", "a\u{0}b", 10).is_err());
    }
}

//! Numbers as people read them: three significant figures, a unit scaled to the magnitude,
//! thousands separators. Pure functions, tested natively.

/// A unit family: the base unit and its larger and smaller multiples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// Energy, base kWh: Wh, kWh, MWh, GWh.
    Energy,
    /// Mass of CO2e, base kg: g, kg, t, kt.
    Carbon,
    /// Water, base litre: mL, L, m³, million m³.
    Water,
    /// Money, US dollars, written with a leading `$` and no unit scaling.
    Money,
}

impl Quantity {
    /// (factor from the base unit, symbol), smallest first.
    fn units(self) -> &'static [(f64, &'static str)] {
        match self {
            Quantity::Energy => &[(1e3, "Wh"), (1.0, "kWh"), (1e-3, "MWh"), (1e-6, "GWh")],
            Quantity::Carbon => {
                &[(1e3, "gCO₂e"), (1.0, "kgCO₂e"), (1e-3, "tCO₂e"), (1e-6, "ktCO₂e")]
            }
            Quantity::Water => &[(1e3, "mL"), (1.0, "L"), (1e-3, "m³"), (1e-9, "million m³")],
            Quantity::Money => &[(1.0, "$")],
        }
    }

    /// The unit in which `base_value` reads between 1 and 1,000 (or the nearest end).
    pub fn unit_for(self, base_value: f64) -> (f64, &'static str) {
        let units = self.units();
        let magnitude = base_value.abs();
        units
            .iter()
            .rev()
            .find(|(factor, _)| magnitude * factor >= 1.0)
            .copied()
            .unwrap_or(units[0])
    }
}

/// Formats a value given in the base unit, choosing a readable unit: `1.23 MWh`.
pub fn quantity(q: Quantity, base_value: f64) -> String {
    if q == Quantity::Money {
        return format!("${}", significant(base_value, 3));
    }
    let (factor, symbol) = q.unit_for(base_value);
    format!("{} {symbol}", significant(base_value * factor, 3))
}

/// Formats a low–high range in one unit chosen for the high end: `0.98–1.67 MWh`.
pub fn range(q: Quantity, low: f64, high: f64) -> String {
    if q == Quantity::Money {
        return format!("${}–{}", significant(low, 3), significant(high, 3));
    }
    let (factor, symbol) = q.unit_for(high);
    format!("{}–{} {symbol}", significant(low * factor, 3), significant(high * factor, 3))
}

/// The text, or a dash where there is no value.
pub fn or_dash(text: Option<String>) -> String {
    text.unwrap_or_else(|| "—".to_owned())
}

/// Rounds to `digits` significant figures and writes it with thousands separators and no
/// trailing zeros: `1234567.0 → "1,230,000"`, `0.000123456 → "0.000123"`.
pub fn significant(value: f64, digits: i32) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (digits - 1 - magnitude).max(0);
    let rounded = round_significant(value, digits);
    let text = format!("{rounded:.*}", decimals as usize);
    group_thousands(trim_zeros(&text))
}

/// Rounds a value to `digits` significant figures, for slider steps that read well.
pub fn round_significant(value: f64, digits: i32) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let scale = 10f64.powi(digits - 1 - magnitude);
    (value * scale).round() / scale
}

/// A number for an editable field: plain digits, no separators, up to 6 significant figures.
pub fn editable(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = round_significant(value, 6);
    let text = format!("{rounded:.6}");
    trim_zeros(&text).to_owned()
}

fn trim_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Reads a number typed by a person: accepts spaces, underscores and commas as thousands
/// separators, and scientific notation (`1e6`).
pub fn parse_number(text: &str) -> Result<f64, ParseError> {
    let cleaned: String =
        text.chars().filter(|c| !matches!(c, ' ' | '_' | ',' | '\u{a0}')).collect();
    if cleaned.is_empty() {
        return Err(ParseError::Empty);
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(ParseError::NotANumber),
    }
}

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing typed.
    Empty,
    /// Something that is not a number.
    NotANumber,
}

impl ParseError {
    /// The message shown next to the field.
    pub fn message(self) -> &'static str {
        match self {
            ParseError::Empty => "Enter a number.",
            ParseError::NotANumber => "Not a number: type digits, such as 1500 or 1.5e3.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_significant_figures_with_separators() {
        assert_eq!(significant(1_234_567.0, 3), "1,230,000");
        assert_eq!(significant(0.000_123_456, 3), "0.000123");
        assert_eq!(significant(9.306e-5, 3), "0.0000931");
        assert_eq!(significant(12.0, 3), "12");
        assert_eq!(significant(999.6, 3), "1,000");
        assert_eq!(significant(-1234.0, 3), "-1,230");
        assert_eq!(significant(0.0, 3), "0");
        assert_eq!(significant(f64::NAN, 3), "—");
    }

    #[test]
    fn scales_units_to_the_magnitude() {
        assert_eq!(quantity(Quantity::Energy, 9.306e-5), "0.0931 Wh");
        assert_eq!(quantity(Quantity::Energy, 1234.0), "1.23 MWh");
        assert_eq!(quantity(Quantity::Carbon, 0.5), "500 gCO₂e");
        assert_eq!(quantity(Quantity::Water, 2500.0), "2.5 m³");
        assert_eq!(quantity(Quantity::Energy, 0.0), "0 Wh");
        assert_eq!(range(Quantity::Energy, 800.0, 1500.0), "0.8–1.5 MWh");
        assert_eq!(quantity(Quantity::Money, 12_345.0), "$12,300");
        assert_eq!(range(Quantity::Money, 0.5, 2.0), "$0.5–2");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_number("1,500"), Ok(1500.0));
        assert_eq!(parse_number(" 2 000 "), Ok(2000.0));
        assert_eq!(parse_number("1.5e3"), Ok(1500.0));
        assert_eq!(parse_number(""), Err(ParseError::Empty));
        assert_eq!(parse_number("abc"), Err(ParseError::NotANumber));
        assert_eq!(parse_number("1e999"), Err(ParseError::NotANumber));
        assert_eq!(parse_number("-5"), Ok(-5.0), "range checks belong to the engine");
    }

    #[test]
    fn editable_numbers_round_trip() {
        assert_eq!(editable(10_000.0), "10000");
        assert_eq!(editable(208.45), "208.45");
        assert_eq!(editable(1.15), "1.15");
        assert_eq!(parse_number(&editable(12_345.678)), Ok(12_345.7));
    }

    #[test]
    fn rounds_slider_values_to_readable_steps() {
        assert_eq!(round_significant(12_589.25, 2), 13_000.0);
        assert_eq!(round_significant(0.0, 2), 0.0);
    }
}

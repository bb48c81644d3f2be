//! Numbers as people read them: three significant figures, a unit scaled to the magnitude,
//! thousands separators, one minus sign (−, U+2212), a dash for a missing value, never "NaN".
//! The one way the app writes a number: quantities and ranges, percentages (a change, a share,
//! a rate), ratios and factors. Pure functions, tested natively.

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

/// Formats a low–high range in one unit chosen for the high end: `0.98–1.67 MWh`; one value
/// when both ends read the same.
pub fn range(q: Quantity, low: f64, high: f64) -> String {
    let (factor, symbol) = if q == Quantity::Money { (1.0, "") } else { q.unit_for(high) };
    let (low, high) = (significant(low * factor, 3), significant(high * factor, 3));
    let span = if low == high { low } else { format!("{low}–{high}") };
    match q {
        Quantity::Money => format!("${span}"),
        _ => format!("{span} {symbol}"),
    }
}

/// What stands for a missing value.
pub const MISSING: &str = "—";

/// The text, or a dash where there is no value.
pub fn or_dash(text: Option<String>) -> String {
    text.unwrap_or_else(|| MISSING.to_owned())
}

/// The change from `before` to `after` as a signed percentage (`+12.3 %`, `−95.8 %`, `0 %`), or
/// a dash when there was nothing before to compare with.
pub fn percent_change(before: f64, after: f64) -> String {
    if before > 0.0 && after.is_finite() {
        signed_percent((after - before) / before)
    } else {
        MISSING.to_owned()
    }
}

/// A percentage's number: three significant figures, but no finer than a tenth of a percent.
fn percent_number(percent: f64) -> String {
    significant((percent * 10.0).round() / 10.0, 3)
}

/// A rate as a signed percentage: `0.32 → "+32 %"`, `−0.24 → "−24 %"`.
pub fn signed_percent(rate: f64) -> String {
    if !rate.is_finite() {
        return MISSING.to_owned();
    }
    let text = percent_number(rate * 100.0);
    if rate > 0.0 && text != "0" {
        format!("+{text} %")
    } else {
        format!("{text} %")
    }
}

/// `part` as a percentage of `whole` (`42.1 %`; `< 0.1 %` for a sliver), or a dash when the
/// whole is nothing.
pub fn share(part: f64, whole: f64) -> String {
    if whole.is_nan() || whole <= 0.0 || !part.is_finite() {
        return MISSING.to_owned();
    }
    let percent = part / whole * 100.0;
    if percent > 0.0 && percent < 0.05 {
        "< 0.1 %".to_owned()
    } else {
        format!("{} %", percent_number(percent))
    }
}

/// `a ÷ b` to three significant figures, or a dash when `b` is nothing.
pub fn ratio(a: f64, b: f64) -> String {
    if b > 0.0 {
        significant(a / b, 3)
    } else {
        MISSING.to_owned()
    }
}

/// A multiplying factor: `×4.4`.
pub fn times(factor: f64) -> String {
    format!("×{}", significant(factor, 3))
}

/// Rounds to `digits` significant figures and writes it with thousands separators and no
/// trailing zeros: `1234567.0 → "1,230,000"`, `0.000123456 → "0.000123"`.
pub fn significant(value: f64, digits: i32) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    let magnitude = value.abs().log10().floor() as i32;
    // Beyond these, digits would run off the page (or the rounding overflow to NaN): powers
    // of ten instead, `2.99 × 10⁻¹²`.
    if !(-9..15).contains(&magnitude) {
        return scientific(value, digits);
    }
    let decimals = (digits - 1 - magnitude).max(0);
    let rounded = round_significant(value, digits);
    let text = format!("{rounded:.*}", decimals as usize);
    group_thousands(trim_zeros(&text))
}

/// `value` as `m × 10ⁿ`, `m` to `digits` significant figures. The mantissa goes through the
/// same fixed-point writing as every other number (`{:e}` would add a second float writer to
/// the download).
fn scientific(value: f64, digits: i32) -> String {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut exponent = value.abs().log10().floor() as i32;
    // Divided in two steps: 10^324 alone would overflow for the smallest subnormals.
    let mut mantissa = value / 10f64.powi(exponent / 2) / 10f64.powi(exponent - exponent / 2);
    if round_significant(mantissa, digits).abs() >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    let sign = if exponent < 0 { "⁻" } else { "" };
    let power: String = exponent
        .unsigned_abs()
        .to_string()
        .chars()
        .filter_map(|d| d.to_digit(10).map(|d| SUPERSCRIPTS[d as usize]))
        .collect();
    format!("{} × 10{sign}{power}", significant(mantissa, digits))
}

/// Rounds a value to `digits` significant figures, for slider steps that read well.
pub fn round_significant(value: f64, digits: i32) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let scale = 10f64.powi(digits - 1 - magnitude);
    if !scale.is_finite() || scale == 0.0 {
        // So small or large that the scale overflows: the value is as exact as it gets.
        return value;
    }
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
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("−", r));
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

/// A number read from what a person typed, and how its separators were read when that was
/// not plain digits with a decimal point: the field shows that note, so no reading is silent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// The number.
    pub value: f64,
    /// How a comma or several dots were read, if any were typed.
    pub read_as: Option<ReadAs>,
}

/// How the separators of a typed number were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadAs {
    /// "0,25", "2,5" and "1.234,5": the comma is the decimal point.
    DecimalComma,
    /// "1,000", "12,500" and "1,234.5": commas group thousands.
    GroupingComma,
    /// "1.000.000": dots group thousands.
    GroupingDot,
}

/// Reads a number typed by a person. Spaces and underscores group digits and are dropped;
/// scientific notation is read (`1e6`). A comma is read as people write it: "0,25" and "2,5"
/// are decimals, "1,000" and "12,500" (three digits after a single comma) are thousands, and
/// where the last separator differs from the others ("1.234,5", "1,234.5") it is the decimal
/// point. Where the browser's locale writes a decimal comma, "1,000" could mean 1 as well as
/// 1000, so it is refused with both readings (`decimal_comma_locale`).
pub fn parse_number(text: &str, decimal_comma_locale: bool) -> Result<Reading, ParseError> {
    // The minus sign the app writes (U+2212) reads as the one a keyboard types.
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Err(ParseError::Empty);
    }
    let (sign, unsigned) = match cleaned.strip_prefix(['-', '+']) {
        Some(rest) => (&cleaned[..1], rest),
        None => ("", cleaned.as_str()),
    };
    let (mantissa, exponent) =
        unsigned.find(['e', 'E']).map_or((unsigned, ""), |at| unsigned.split_at(at));
    let (plain, read_as) = read_separators(mantissa)?;
    let number = |mantissa: &str| -> Result<f64, ParseError> {
        match format!("{sign}{mantissa}{exponent}").parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => Err(ParseError::NotANumber),
        }
    };
    // Where the locale writes a decimal comma, one separator before three digits could be
    // either: "1,000" and "1.000" are 1000 or 1 there. Several ("1,000,000") are thousands.
    for separator in [',', '.'] {
        let single = mantissa.matches(separator).count() == 1
            && !mantissa.contains(if separator == ',' { '.' } else { ',' });
        let Some((int, frac)) = mantissa.split_once(separator) else { continue };
        if decimal_comma_locale && single && one_thousands_group(int, frac) {
            return Err(ParseError::Ambiguous {
                thousands: number(&format!("{int}{frac}"))?,
                decimal: number(&format!("{int}.{frac}"))?,
            });
        }
    }
    Ok(Reading { value: number(&plain)?, read_as })
}

/// The mantissa with a plain decimal point and no grouping, and how its separators were read.
fn read_separators(mantissa: &str) -> Result<(String, Option<ReadAs>), ParseError> {
    let commas = mantissa.matches(',').count();
    let dots = mantissa.matches('.').count();
    let last = mantissa.rfind([',', '.']);
    let read = match (commas, dots) {
        (0, 0 | 1) => return Ok((mantissa.to_owned(), None)),
        (0, _) => grouped(mantissa, '.').map(|digits| (digits, ReadAs::GroupingDot)),
        (1, 0) => {
            let (int, frac) = mantissa.split_once(',').unwrap_or((mantissa, ""));
            if one_thousands_group(int, frac) {
                Some((format!("{int}{frac}"), ReadAs::GroupingComma))
            } else if !frac.is_empty() && digits(int) && digits(frac) {
                Some((format!("{int}.{frac}"), ReadAs::DecimalComma))
            } else {
                None
            }
        }
        (_, 0) => grouped(mantissa, ',').map(|digits| (digits, ReadAs::GroupingComma)),
        // Both: the last one is the decimal point, the other groups the digits before it.
        _ => last.and_then(|at| {
            let (int, frac) = (&mantissa[..at], &mantissa[at + 1..]);
            let point = mantissa.as_bytes()[at];
            let (grouping, read_as) = if point == b',' {
                ('.', ReadAs::DecimalComma)
            } else {
                (',', ReadAs::GroupingComma)
            };
            let single_point = mantissa.matches(char::from(point)).count() == 1;
            let frac_digits = !frac.is_empty() && digits(frac);
            match grouped(int, grouping) {
                Some(int) if single_point && frac_digits => {
                    Some((format!("{int}.{frac}"), read_as))
                }
                _ => None,
            }
        }),
    };
    read.map(|(plain, read_as)| (plain, Some(read_as))).ok_or(ParseError::NotANumber)
}

/// Only ASCII digits (an empty text too).
fn digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

/// "1" to "999" then three digits, as on either side of the one separator in "12,500": a
/// thousands separator by its shape (no thousands start with 0, so "0,250" is not).
fn one_thousands_group(int: &str, frac: &str) -> bool {
    frac.len() == 3
        && (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && digits(int)
        && digits(frac)
}

/// Digits grouped by `separator` in threes ("1,234,567"), without the separators; `None`
/// where the groups are not of three digits after a first group of one to three.
fn grouped(text: &str, separator: char) -> Option<String> {
    let mut groups = text.split(separator);
    let first = groups.next()?;
    if !(1..=3).contains(&first.len()) || !digits(first) {
        return None;
    }
    let mut out = first.to_owned();
    for group in groups {
        if group.len() != 3 || !digits(group) {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

/// Why typed text is not read as a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParseError {
    /// Nothing typed.
    Empty,
    /// Something that is not a number.
    NotANumber,
    /// "1,000" where the browser's locale writes a decimal comma: 1000 or 1.
    Ambiguous {
        /// The comma read as a thousands separator.
        thousands: f64,
        /// The comma read as a decimal point.
        decimal: f64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(f64, Option<ReadAs>), ParseError> {
        parse_number(text, false).map(|r| (r.value, r.read_as))
    }

    #[test]
    fn a_comma_is_never_read_silently() {
        use ReadAs::*;
        // Plain: no note.
        assert_eq!(read("0.25"), Ok((0.25, None)));
        assert_eq!(read("1500"), Ok((1500.0, None)));
        // A decimal comma, as much of Europe types it.
        assert_eq!(read("0,25"), Ok((0.25, Some(DecimalComma))));
        assert_eq!(read("2,5"), Ok((2.5, Some(DecimalComma))));
        assert_eq!(read("0,250"), Ok((0.25, Some(DecimalComma))), "no thousands start with 0");
        assert_eq!(read("-1,5e3"), Ok((-1500.0, Some(DecimalComma))));
        assert_eq!(read("1.234,5"), Ok((1234.5, Some(DecimalComma))));
        assert_eq!(read("1.234.567,25"), Ok((1_234_567.25, Some(DecimalComma))));
        // Thousands.
        assert_eq!(read("1,000"), Ok((1000.0, Some(GroupingComma))));
        assert_eq!(read("12,500"), Ok((12_500.0, Some(GroupingComma))));
        assert_eq!(read("1,234,567"), Ok((1_234_567.0, Some(GroupingComma))));
        assert_eq!(read("1,234.5"), Ok((1234.5, Some(GroupingComma))));
        assert_eq!(read("1.000.000"), Ok((1_000_000.0, Some(GroupingDot))));
        // Neither reading fits.
        for text in ["1,23,456", "1,2,3", "1.2.3", "1,234,5.6", "1.234,5,6", ",", "1,", "1,2.3,4"] {
            assert_eq!(read(text), Err(ParseError::NotANumber), "{text}");
        }
    }

    #[test]
    fn where_the_locale_writes_a_decimal_comma_1_000_is_refused_with_both_readings() {
        assert_eq!(
            parse_number("1,000", true),
            Err(ParseError::Ambiguous { thousands: 1000.0, decimal: 1.0 })
        );
        assert_eq!(
            parse_number("12,500", true),
            Err(ParseError::Ambiguous { thousands: 12_500.0, decimal: 12.5 })
        );
        // A dot before three digits, too: a German "1.000" is a thousand.
        assert_eq!(
            parse_number("1.000", true),
            Err(ParseError::Ambiguous { thousands: 1000.0, decimal: 1.0 })
        );
        // Unambiguous there too.
        assert_eq!(parse_number("1,000,000", true).map(|r| r.value), Ok(1_000_000.0));
        assert_eq!(parse_number("1.000.000", true).map(|r| r.value), Ok(1_000_000.0));
        assert_eq!(parse_number("1.5", true).map(|r| r.value), Ok(1.5));
        assert_eq!(parse_number("0,25", true).map(|r| r.value), Ok(0.25));
        assert_eq!(parse_number("0.25", true).map(|r| (r.value, r.read_as)), Ok((0.25, None)));
        assert_eq!(parse_number("1,234.5", true).map(|r| r.value), Ok(1234.5));
    }

    #[test]
    fn three_significant_figures_with_separators() {
        assert_eq!(significant(1_234_567.0, 3), "1,230,000");
        assert_eq!(significant(0.000_123_456, 3), "0.000123");
        assert_eq!(significant(9.306e-5, 3), "0.0000931");
        assert_eq!(significant(12.0, 3), "12");
        assert_eq!(significant(999.6, 3), "1,000");
        assert_eq!(significant(-1234.0, 3), "−1,230", "one minus sign");
        assert_eq!(significant(0.0, 3), "0");
        assert_eq!(significant(f64::NAN, 3), "—");
    }

    /// The bug this pins: a tiny magnitude made the rounding scale infinite, and "NaN" showed.
    #[test]
    fn extreme_magnitudes_read_as_powers_of_ten_never_nan() {
        assert_eq!(significant(1e-320, 3), "1 × 10⁻³²⁰");
        assert_eq!(significant(2.994e-12, 3), "2.99 × 10⁻¹²");
        assert_eq!(significant(-4.2e18, 3), "−4.2 × 10¹⁸");
        assert_eq!(significant(1.5e-9, 3), "0.0000000015");
        for x in [1e-300, 5e-324, 1e300, f64::MAX] {
            assert!(
                !significant(x, 3).contains("NaN")
                    && !quantity(Quantity::Energy, x).contains("NaN")
            );
        }
    }

    #[test]
    fn percentages_ratios_and_factors_have_one_form() {
        assert_eq!(percent_change(200.0, 100.0), "−50 %");
        assert_eq!(percent_change(100.0, 112.34), "+12.3 %");
        assert_eq!(percent_change(100.0, 100.0), "0 %");
        assert_eq!(percent_change(0.0, 5.0), "—", "nothing before");
        assert_eq!(signed_percent(0.32), "+32 %");
        assert_eq!(signed_percent(-0.24), "−24 %");
        assert_eq!(signed_percent(1e-9), "0 %", "no sign on what rounds to nothing");
        assert_eq!(share(1.0, 3.0), "33.3 %");
        assert_eq!(share(1.0, 1e6), "< 0.1 %");
        assert_eq!(percent_change(100.0, 4.17), "−95.8 %");
        assert_eq!(share(1.0, 0.0), "—");
        assert_eq!(ratio(1.0, 4.0), "0.25");
        assert_eq!(ratio(1.0, 0.0), "—");
        assert_eq!(times(4.4), "×4.4");
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
        assert_eq!(range(Quantity::Money, 2_101.0, 2_104.0), "$2,100", "no collapsed range");
        assert_eq!(range(Quantity::Energy, 1.0, 1.0), "1 kWh");
    }

    #[test]
    fn parses_what_people_type() {
        let value = |text| parse_number(text, false).map(|r| r.value);
        assert_eq!(value(" 2 000 "), Ok(2000.0));
        assert_eq!(value("1.5e3"), Ok(1500.0));
        assert_eq!(value(""), Err(ParseError::Empty));
        assert_eq!(value("abc"), Err(ParseError::NotANumber));
        assert_eq!(value("1e999"), Err(ParseError::NotANumber));
        assert_eq!(value("-5"), Ok(-5.0), "range checks belong to the engine");
        assert_eq!(value("−5"), Ok(-5.0), "the minus sign the app writes");
    }

    #[test]
    fn editable_numbers_round_trip() {
        assert_eq!(editable(10_000.0), "10000");
        assert_eq!(editable(208.45), "208.45");
        assert_eq!(editable(1.15), "1.15");
        assert_eq!(parse_number(&editable(12_345.678), true).map(|r| r.value), Ok(12_345.7));
    }

    #[test]
    fn rounds_slider_values_to_readable_steps() {
        assert_eq!(round_significant(12_589.25, 2), 13_000.0);
        assert_eq!(round_significant(0.0, 2), 0.0);
        assert_eq!(round_significant(1e-320, 3), 1e-320, "no NaN for a subnormal");
        assert!(!editable(1e-320).contains("NaN"));
    }
}

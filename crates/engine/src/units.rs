//! Units: the names results give their numbers, and the conversions between units, defined
//! once. Bare numbers in the engine are kWh, kgCO2e, litres and US dollars unless their name
//! says otherwise (`_g`, `_w`, `_h`, `_s`, `_gb`).

crate::keyed! {
    /// The unit of a value shown in the working; its key is the symbol printed after it.
    pub enum Unit {
        /// Kilowatt-hours.
        Kwh = "kWh",
        /// Watts.
        Watts = "W",
        /// Hours.
        Hours = "h",
        /// Seconds.
        Seconds = "s",
        /// Gigabytes.
        Gb = "GB",
        /// Output tokens per second.
        TokensPerSecond = "tokens/s",
        /// A100 memory slices.
        Slices = "slices",
        /// GPUs.
        Gpus = "GPUs",
        /// Model calls.
        Calls = "calls",
        /// Runs.
        Runs = "runs",
        /// A plain number of things (requests in a batch).
        Count = "",
        /// A ratio (PUE).
        Ratio = "ratio",
        /// Litres per kilowatt-hour.
        LitresPerKwh = "L/kWh",
        /// Grams of CO2e per kilowatt-hour.
        GramsCo2ePerKwh = "gCO2e/kWh",
    }
}
crate::serialize_as_key!(Unit);

/// Grams in a kilogram.
pub(crate) const G_PER_KG: f64 = 1_000.0;
/// Seconds in an hour.
pub(crate) const S_PER_H: f64 = 3_600.0;
/// Watts in a kilowatt.
pub(crate) const W_PER_KW: f64 = 1_000.0;

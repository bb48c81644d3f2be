//! Low–central–high ranges.
//!
//! Every uncertain input carries three values, and every result is reported as a range. The
//! engine's models are non-decreasing in each uncertain input (more power, a higher PUE or a
//! wetter cooling system never lowers a footprint), so evaluating the model once with all
//! inputs at their low bound and once at their high bound gives the exact min–max of the
//! result (docs/methodology.md §11).

use serde::{Deserialize, Serialize};

/// Which end of every uncertain input an evaluation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Every uncertain input at its lowest plausible value.
    Low,
    /// Every uncertain input at its central (default) value.
    Central,
    /// Every uncertain input at its highest plausible value.
    High,
}

impl Bound {
    /// The three bounds, in the order results are assembled.
    pub const ALL: [Bound; 3] = [Bound::Low, Bound::Central, Bound::High];
}

/// A quantity known as a low–central–high range (low ≤ central ≤ high).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Estimate {
    /// Lowest plausible value.
    pub low: f64,
    /// Best estimate.
    pub central: f64,
    /// Highest plausible value.
    pub high: f64,
}

impl Estimate {
    /// A range with no uncertainty.
    pub const fn exact(value: f64) -> Self {
        Self { low: value, central: value, high: value }
    }

    /// A range from its three values.
    pub const fn new(low: f64, central: f64, high: f64) -> Self {
        Self { low, central, high }
    }

    /// The value at one bound.
    pub fn at(&self, bound: Bound) -> f64 {
        match bound {
            Bound::Low => self.low,
            Bound::Central => self.central,
            Bound::High => self.high,
        }
    }

    /// Builds a range by evaluating `f` at each bound.
    pub fn from_bounds(mut f: impl FnMut(Bound) -> f64) -> Self {
        Self { low: f(Bound::Low), central: f(Bound::Central), high: f(Bound::High) }
    }

    /// Multiplies every bound by a non-negative scalar.
    pub fn scale(self, factor: f64) -> Self {
        Self { low: self.low * factor, central: self.central * factor, high: self.high * factor }
    }

    /// True when low ≤ central ≤ high and all three are finite.
    pub fn is_ordered(&self) -> bool {
        self.low.is_finite()
            && self.high.is_finite()
            && self.low <= self.central
            && self.central <= self.high
    }
}

impl std::ops::Add for Estimate {
    type Output = Estimate;
    fn add(self, rhs: Estimate) -> Estimate {
        Estimate {
            low: self.low + rhs.low,
            central: self.central + rhs.central,
            high: self.high + rhs.high,
        }
    }
}

impl std::ops::AddAssign for Estimate {
    fn add_assign(&mut self, rhs: Estimate) {
        *self = *self + rhs;
    }
}

impl std::iter::Sum for Estimate {
    fn sum<I: Iterator<Item = Estimate>>(iter: I) -> Estimate {
        iter.fold(Estimate::default(), |acc, x| acc + x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_bound_by_bound() {
        let a = Estimate::new(1.0, 2.0, 3.0);
        let b = Estimate::new(10.0, 20.0, 30.0);
        assert_eq!(a + b, Estimate::new(11.0, 22.0, 33.0));
        assert_eq!([a, b].into_iter().sum::<Estimate>(), Estimate::new(11.0, 22.0, 33.0));
    }

    #[test]
    fn detects_disordered_and_non_finite_ranges() {
        assert!(Estimate::new(1.0, 2.0, 3.0).is_ordered());
        assert!(!Estimate::new(3.0, 2.0, 1.0).is_ordered());
        assert!(!Estimate::new(1.0, 2.0, f64::INFINITY).is_ordered());
    }
}

//! Labels several documents share.

/// Labels several documents share.
pub struct Common {
    /// The fixed warning above every document: an estimate, not the jury's decision.
    pub estimate_notice: &'static str,
    /// The overall score's label.
    pub overall_score: &'static str,
}

pub(super) const FR: Common = Common {
    estimate_notice: "Ceci est une estimation, pas la décision du jury du label.",
    overall_score: "Score global",
};

pub(super) const EN: Common = Common {
    estimate_notice: "This is an estimate, not the decision of the label's jury.",
    overall_score: "Overall score",
};

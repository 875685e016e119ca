//! Placeholder.

pub fn install() {}

//! Component tests of the Báo cáo view.

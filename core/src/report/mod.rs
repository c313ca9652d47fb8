//! Report and spreadsheet content built from the model.

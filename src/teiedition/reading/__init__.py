"""Reading the source: a saved archive page (plain text) into header facts and body lines; no lxml."""

"""S rules: units (satuan) of the indicators."""

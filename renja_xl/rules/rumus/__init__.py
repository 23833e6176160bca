"""F rules (rumus): the workbook's own formulas, checked against the kode hierarchy and each other."""

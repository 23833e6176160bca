"""K rules: the Permendagri 90/2019 kode of each row."""

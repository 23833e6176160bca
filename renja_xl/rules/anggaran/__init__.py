"""A rules: money (pagu, anggaran, realisasi) and the numbers themselves."""

"""P rules: a Perubahan and the review of the Rancangan Awal RKPD (what changed, and why), and
plausibility (a target that jumps, a lokasi that names an office, a sub kegiatan with no realisation)."""

"""T rules: targets, realisation and capaian percentages."""

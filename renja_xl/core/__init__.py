"""The pure core: domain primitives (kode, angka, satuan, capaian), models and configuration.

Nothing in here imports Excel libraries; everything is plain Python on plain values.
"""

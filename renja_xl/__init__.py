"""renja-xl: keeps Indonesian local-government work plans (Renja) correct.

The pure core (:mod:`renja_xl.core`) knows nothing of Excel; :mod:`renja_xl.readers` turns a workbook
into typed tables, :mod:`renja_xl.rules` checks them, :mod:`renja_xl.reports` writes the results,
and :mod:`renja_xl.xl` / :mod:`renja_xl.udf` are the thin xlwings layer inside Excel.
"""

__version__ = "0.1.0"

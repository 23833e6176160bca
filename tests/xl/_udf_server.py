"""Run worksheet functions through xlwings' server converters (``custom_functions_call``).

Used by ``test_udf.py`` in a separate process: XLWINGS_ON_SERVER must be set before xlwings is
imported, which turns ``@xw.func`` into the server's registering decorator. Reads a JSON list of
``[function name, [arg, …]]`` on stdin (each arg a 2-D list, as Excel sends a cell or range) and
prints the JSON list of results (or ``{"error": …}``).
"""

import asyncio
import json
import os
import sys

assert os.environ.get("XLWINGS_ON_SERVER") == "true", "set XLWINGS_ON_SERVER=true before importing xlwings"

import xlwings as xw  # noqa: E402
from xlwings.server import custom_functions_call  # noqa: E402

import renja_xl.udf as modul  # noqa: E402


def call(name, args):
    data = {
        "func_name": name, "args": args, "version": xw.__version__, "client": "Office.js",
        "runtime": "1.4", "culture_info_name": "id-ID", "date_format": "dd/mm/yyyy",
    }
    try:
        return asyncio.run(custom_functions_call(data, modul))
    except Exception as exc:  # noqa: BLE001 - reported to the test
        return {"error": f"{type(exc).__name__}: {exc}"}


if __name__ == "__main__":
    cases = json.load(sys.stdin)
    meta = {f.__name__: {"args": [a["name"] for a in f.__xlfunc__["args"]],
                         "options": [a["options"] for a in f.__xlfunc__["args"]]}
            for f in modul.fungsi()}
    json.dump({"results": [call(n, a) for n, a in cases], "meta": meta}, sys.stdout)

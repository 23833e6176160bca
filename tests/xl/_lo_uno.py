"""Run workbooks in LibreOffice *with their macros enabled*, through LibreOffice's own Python bridge.

``soffice --convert-to`` never runs a document's macros, so a worksheet function written in the
workbook's VBA project (our stubs of the RENJA_ functions) is never called there. This driver starts
one headless LibreOffice, opens each workbook with ``MacroExecutionMode=ALWAYS_EXECUTE_NO_WARN``,
recalculates every formula, saves the result as .xlsx and, when asked, calls Basic functions of the
document's VBA project (which makes LibreOffice compile that module first).

Run with a Python that has the ``uno`` module (Debian: python3-uno, i.e. /usr/bin/python3), not the
test interpreter. Reads JSON on stdin::

    {"profile": "/tmp/…", "jobs": [{"src": "a.xlsm", "out": "a.xlsx",
                                     "calls": [["VBAProject.Renja.PesanGagal", ["C:\\\\py.exe"]]]}]}

and prints JSON: one ``{"out": path or null, "calls": [[ok, value or error], …]}`` per job.
"""

import json
import os
import subprocess
import sys
import time

import uno  # noqa: F401 - LibreOffice's bridge; present only in LibreOffice's Python
from com.sun.star.beans import PropertyValue

RECALC = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">'
    "<value>0</value></prop></item>\n"
    "</oor:items>\n"
)


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile):
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(RECALC)
    pipe = "renjaxl%d" % os.getpid()
    env = dict(os.environ, HOME=profile)
    proc = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--nologo",
         "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    last = None
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception as exc:  # noqa: BLE001 - not listening yet
            last = exc
            time.sleep(0.25)
    proc.kill()
    raise SystemExit("LibreOffice did not start: %s" % last)


def run_job(desktop, job):
    url = uno.systemPathToFileUrl(os.path.abspath(job["src"]))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (pv("Hidden", True), pv("MacroExecutionMode", 4)))
    try:
        calls = []
        for name, args in job.get("calls", []):
            script = "vnd.sun.star.script:%s?language=Basic&location=document" % name
            try:
                result = doc.getScriptProvider().getScript(script).invoke(tuple(args), (), ())[0]
                calls.append([True, result])
            except Exception as exc:  # noqa: BLE001 - reported to the test (compile or run error)
                calls.append([False, "%s: %s" % (type(exc).__name__, getattr(exc, "Message", exc))])
        doc.calculateAll()
        out = None
        if job.get("out"):
            out = os.path.abspath(job["out"])
            doc.storeToURL(uno.systemPathToFileUrl(out), (pv("FilterName", "Calc MS Excel 2007 XML"),))
        return {"out": out, "calls": calls}
    finally:
        doc.close(True)


def main():
    req = json.load(sys.stdin)
    proc, desktop = connect(req["profile"])
    try:
        results = [run_job(desktop, job) for job in req["jobs"]]
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge closes as LibreOffice exits
            pass
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()

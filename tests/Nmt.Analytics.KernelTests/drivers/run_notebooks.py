"""Executes notebooks through the nmt-csharp kernel with nbclient (what `jupyter nbconvert --execute` uses).

Usage: python3 run_notebooks.py OUT_FOLDER NOTEBOOK...
Each notebook runs unchanged in a fresh kernel, its folder as the working directory, and is written executed
to OUT_FOLDER. Prints "PASS name (N s, k images, t tables)" or "FAIL name: why" per notebook; exits 0 only if
every notebook ran without an error output and shows at least one PNG chart and one HTML table.
"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient

out_folder = sys.argv[1]
failures = 0
for path in sys.argv[2:]:
    name = os.path.basename(path)
    started = time.time()
    try:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name="nmt-csharp", timeout=300, startup_timeout=120,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        client.execute()
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        errors = [o for o in outputs if o.output_type == "error"]
        if errors:
            raise AssertionError(f"error output: {errors[0].ename}: {errors[0].evalue}")
        images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
        tables = sum(1 for o in outputs if "<table" in o.get("data", {}).get("text/html", ""))
        if images == 0 or tables == 0:
            raise AssertionError(f"{images} PNG images and {tables} HTML tables; expected at least one of each")
        nbformat.write(nb, os.path.join(out_folder, name))
        print(f"PASS {name} ({time.time() - started:.1f} s, {images} images, {tables} tables)", flush=True)
    except Exception as e:  # noqa: BLE001 - every failure becomes a FAIL line
        failures += 1
        print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
sys.exit(1 if failures else 0)

"""Runs a notebook top to bottom and prints what it showed, as JSON, for notebook.int.test.ts.

    run_notebook.py NOTEBOOK WORKDIR

The kernel (this Python's ipykernel) starts in WORKDIR, so files the notebook writes land there,
and inherits this process's environment (LIAISON_URL, LIAISON_API_KEY). Like Jupyter's *Run
All*, execution stops at the first cell that raises. The executed notebook is saved as
WORKDIR/executed.ipynb to read when a test fails. The JSON printed has one entry per code cell:
its tags, its output types (`image/png`, `text/html`, `error`, ...), the tables of its HTML
outputs (pandas' DataFrame HTML: a header row, then one row per entry, index first) and its
error; `error` at the top names the first failed cell.
"""

import json
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


class TableParser(HTMLParser):
    """Collects every <table> as rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables_of(html: str) -> list[list[list[str]]]:
    parser = TableParser()
    parser.feed(html)
    return parser.tables


def summary_of(cell, index: int) -> dict:
    outputs = cell.get("outputs", [])
    types, tables, error = [], [], None
    for output in outputs:
        if output["output_type"] == "error":
            types.append("error")
            error = {"ename": output["ename"], "evalue": output["evalue"]}
            continue
        if output["output_type"] == "stream":
            types.append("stream")
            continue
        data = output.get("data", {})
        types.extend(data.keys())
        if "text/html" in data:
            tables.extend(tables_of(data["text/html"]))
    return {
        "index": index,
        "tags": cell.get("metadata", {}).get("tags", []),
        "outputTypes": types,
        "tables": tables,
        "error": error,
    }


def main(notebook_path: str, workdir: str) -> None:
    notebook = nbformat.read(notebook_path, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": workdir}}
    )
    try:
        client.execute()
    except CellExecutionError:
        pass  # the failed cell's error output says what happened
    nbformat.write(notebook, Path(workdir) / "executed.ipynb")
    cells = [summary_of(cell, i) for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    failed = next(({"index": cell["index"], **cell["error"]} for cell in cells if cell["error"]), None)
    executed = [cell for cell in notebook.cells if cell.cell_type == "code" and cell.get("execution_count")]
    print(json.dumps({"error": failed, "codeCells": len(cells), "executed": len(executed), "cells": cells}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

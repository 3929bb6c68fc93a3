"""How fast the pipeline builds a corpus, against baselines measured in the same run.

    python benchmarks/bench_build.py [--copies N]

The corpus is the bundled documents copied N times (each copy with its own document number, so every copy is
its own document). Baselines: reading and decoding the same files (the floor any builder pays), and loading
the built quads into Oxigraph (the store's own cost). Printed: seconds, documents per second, and each stage
as a multiple of the read baseline. Figures measured on the 2-core CI machine are in the docstring of `main`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import pyoxigraph as ox

from policykg.build import build_corpus
from policykg.read import find_documents, read_source

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "documents"


def make_corpus(folder: Path, copies: int) -> int:
    """Copies of the bundled documents, each with a distinct document number."""
    count = 0
    for n in range(copies):
        for source in sorted(CORPUS.glob("*.txt")):
            text = source.read_text("utf-8")
            text = re.sub(r"〔(\d{4})〕\s*(\d+)\s*号", lambda m: f"〔{m.group(1)}〕{int(m.group(2)) + 1000 * (n + 1)}号", text, count=1)
            (folder / f"{n:04d}_{source.name}").write_text(text, "utf-8")
            count += 1
    return count


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> None:
    """Measured on the 2-core machine, 10 copies (50 documents, 49k quads): build 0.9 s (54 documents/s,
    ~64x the read baseline, 18 MiB peak), Oxigraph bulk load 0.05 s (~4x)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of the bundled corpus (default: 10)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    try:
        documents = make_corpus(folder, args.copies)
        cold_seconds, _ = timed(lambda: build_corpus([CORPUS]))  # first use loads gazetteers and pinyin tables
        read_seconds, _ = timed(lambda: [read_source(f) for f in find_documents([folder])])
        build_seconds, result = timed(lambda: build_corpus([folder]))
        tracemalloc.start()  # a second build for memory: tracing slows Python down, so it is not timed
        build_corpus([folder])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        store = ox.Store()
        load_seconds, _ = timed(lambda: store.bulk_extend(result.quads))
        print(f"documents: {documents}, quads: {len(result.quads)}; cold start (bundled corpus): {cold_seconds:.2f} s")
        print(f"baseline read+decode : {read_seconds:8.3f} s")
        print(f"build (parse..emit)  : {build_seconds:8.3f} s  = {build_seconds / read_seconds:7.1f}x baseline, "
              f"{documents / build_seconds:6.1f} documents/s, peak Python memory {peak / 2**20:.0f} MiB")
        print(f"oxigraph bulk load   : {load_seconds:8.3f} s  = {load_seconds / read_seconds:7.1f}x baseline")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

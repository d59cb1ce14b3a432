// Compile a standard-library zip to bytecode with Pyodide's own Python (the build's CPython is
// another version, whose bytecode Pyodide cannot load).
//
//   node engine/compile_stdlib.mjs <python_stdlib.zip> <out.zip> <modules.json>
//
// Starts Pyodide (the pinned npm package) on <python_stdlib.zip>, so the zip is proven to start
// it, and writes <out.zip> with `x.py` replaced by `x.pyc` for every module named in
// <modules.json> (a JSON list): unchecked hash-based bytecode (PEP 552), which zipimport loads
// without the source. Pyodide then skips compiling the modules of its start-up and of our
// calculators on every cold start (pyodide#3050). The other modules (a margin that is seldom or
// never imported) stay source: smaller to download, compiled only if ever imported.
//
// The bytecode is made smaller, not slower: optimize=2 drops docstrings and asserts (nothing the
// engine runs reads a stdlib docstring; the golden cases prove the answers unchanged), and
// PYTHONNODEBUGRANGES drops the column positions that only a traceback's ^^^ markers use.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { loadPyodide } = await import(join(ROOT, "node_modules", "pyodide", "pyodide.mjs"));
const [stdlib, out, modulesFile] = process.argv.slice(2);

const pyodide = await loadPyodide({
  indexURL: join(ROOT, "node_modules", "pyodide") + "/",
  stdLibURL: stdlib,
  env: { HOME: "/home/pyodide", PYTHONNODEBUGRANGES: "1" },
});
pyodide.globals.set("compiled_modules", readFileSync(modulesFile, "utf8"));
const compiled = pyodide.runPython(`
import io, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc
from importlib.util import source_hash

# PYTHONNODEBUGRANGES took effect: compiled code carries no column positions.
assert list(compile("x", "x", "eval").co_positions())[0][2] is None
wanted = set(json.loads(compiled_modules))
source = zipfile.ZipFile(f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip")
target = io.BytesIO()
with zipfile.ZipFile(target, "w") as archive:
    for info in source.infolist():
        data = source.read(info)
        name = info.filename
        module = name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        if name.endswith(".py") and module in wanted:
            code = compile(data, name, "exec", dont_inherit=True, optimize=2)
            data = bytes(_code_to_hash_pyc(code, source_hash(data), checked=False))
            name += "c"
        entry = zipfile.ZipInfo(name, info.date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = info.external_attr
        archive.writestr(entry, data, compresslevel=9)
target.getvalue()
`);
writeFileSync(out, compiled.toJs());
compiled.destroy();

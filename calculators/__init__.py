"""Regain's calculators: pure, typed, standard-library-only functions (CPython and Pyodide)."""

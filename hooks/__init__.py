"""MkDocs build hooks for Regain (listed under `hooks:` in mkdocs.yml)."""

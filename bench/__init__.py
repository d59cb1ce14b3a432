"""Regain's benchmark (`make bench`): load times, bytes and build time against budgets."""

"""Site: docs/**.md -> site/ with MkDocs + Material (the MkDocs plugin, full and incremental builds, PDF handouts).

`plugin` is what MkDocs loads (`plugins: [briefing]`); `build` runs MkDocs for the briefing CLI; they
share `incremental` (the bookkeeping that keeps a dirty build whole) and `handoff` (a report just built),
and neither imports the other. Nothing is imported here, so MkDocs loads the plugin alone.
"""

import pelican, os
THEME = os.path.join(os.path.dirname(pelican.__file__), "themes", "simple")

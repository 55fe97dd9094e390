"""Subcommands of the ``gdplan`` command, one module each (``add`` the parser, ``run`` it)."""

"""Subcommands of the ``gdplan`` command, one module each (add the subparser, run it)."""

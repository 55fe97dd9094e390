"""Subcommands of the gdplan command line, one module each (add the parser, run it)."""

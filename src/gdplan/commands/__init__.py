"""Subcommands of the ``gdplan`` command, one module each: ``add(commands)`` adds the subparser,
``run(args) -> int`` runs it (the module is named after the command)."""

from __future__ import annotations

import argparse
import importlib

NAMES = ("units", "report", "compare")
"""The subcommands with a module here, in the order ``gdplan --help`` lists them."""


def add_all(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add every subcommand's parser."""
    for name in NAMES:
        importlib.import_module(f"{__name__}.{name}").add(commands)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand ``args.command`` with its module's ``run``."""
    module = importlib.import_module(f"{__name__}.{args.command}")
    status: int = module.run(args)
    return status

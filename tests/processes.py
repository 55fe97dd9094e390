"""Processes a test started: which are still alive in a process group (Linux /proc)."""

from __future__ import annotations

from pathlib import Path


def group_members(pgid: int) -> list[int]:
    """Live processes (not zombies) whose process group is ``pgid``."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state != "Z":
            members.append(int(entry.name))
    return members

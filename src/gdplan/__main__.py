from gdplan.cli import console

raise SystemExit(console())

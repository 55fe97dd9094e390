from gdplan.cli import main

raise SystemExit(main())

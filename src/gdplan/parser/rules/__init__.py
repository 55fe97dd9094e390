"""Line rules: each recognises one kind of segment. The ruler (gdplan.parser.ruler) orders them."""

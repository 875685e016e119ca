# Start-up: an empty script (the time is the interpreter's own start and exit).

"""`python -m casus` runs the command line."""

from casus.cli import main

main()

"""``python -m frontlines`` is the CLI."""

from .cli import main

main()

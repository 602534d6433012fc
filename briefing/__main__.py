"""python -m briefing  ->  cli.cli()"""

from briefing.cli import cli

cli()

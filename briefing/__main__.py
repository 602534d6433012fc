"""python -m briefing  ->  cli.main()"""

from briefing.cli import main

main()

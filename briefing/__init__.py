"""briefing: turn a folder of news articles about one story into a static briefing site."""

__version__ = "0.1.0"

"""frontlines: news reports and commentary to a structured, geocoded database of political and conflict events."""

__version__ = "0.1.0"

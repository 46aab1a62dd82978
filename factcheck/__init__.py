"""factcheck: find the figures that disagree across news articles."""

__version__ = "0.1.0"

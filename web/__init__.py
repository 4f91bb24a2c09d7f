"""The press-archive web application and command-line interface."""

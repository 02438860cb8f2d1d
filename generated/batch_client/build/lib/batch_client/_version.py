"""Version of the generated package."""

VERSION = "1.0.0"
API_VERSION = "2024-07-01.20.0"

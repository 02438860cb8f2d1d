"""OpenAPI → typed Python client generator.

The pipeline (each stage returns values; only ``__main__`` prints):
load → validate → build (IR) → render → write. See ``pipeline.generate_files``.
"""

__version__ = "0.1.0"

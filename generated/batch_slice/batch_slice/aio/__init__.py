"""The async client (needs ``aiohttp``: ``pip install batch-slice[async]``)."""

from ._client import AsyncBatchClient

__all__ = ["AsyncBatchClient"]

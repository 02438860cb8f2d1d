"""The async client (needs ``aiohttp``: ``pip install batch-client[async]``)."""

from ._client import AsyncBatchClient

__all__ = ["AsyncBatchClient"]

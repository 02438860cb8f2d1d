"""Lazy iteration over ``x-ms-pageable`` lists: a page is fetched only when iteration reaches it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

# fetch(next_link or None for the first page) -> (items of the page, next link or None)
PageFetcher = Callable[[str | None], tuple[list[T], str | None]]
AsyncPageFetcher = Callable[[str | None], Awaitable[tuple[list[T], str | None]]]


class ItemPaged(Generic[T]):
    """Iterate the items (``for x in paged``) or the pages (``for page in paged.by_page()``).

    Nothing is requested until iteration starts; each page is requested when the previous one
    is used up, following the service's next link. Iterating twice requests the list again.
    """

    def __init__(self, fetch: PageFetcher[T]) -> None:
        self._fetch = fetch

    def by_page(self, continuation: str | None = None) -> Iterator[list[T]]:
        """Pages as lists; ``continuation`` resumes from a next link kept from an earlier run."""
        link: str | None = continuation
        first = True
        while first or link:
            first = False
            items, link = self._fetch(link)
            yield items

    def __iter__(self) -> Iterator[T]:
        for page in self.by_page():
            yield from page

    def prefetch(self) -> ItemPaged[T]:
        """This listing with its first page fetched now (a raw response's ``parse()``):
        iterating starts from that page; iterating again requests the list again."""
        fetch, first = self._fetch, self._fetch(None)
        used = False

        def fetch_again(link: str | None) -> tuple[list[T], str | None]:
            nonlocal used
            if link is None and not used:
                used = True
                return first
            return fetch(link)

        return ItemPaged(fetch_again)

    def __repr__(self) -> str:
        return "<ItemPaged: iterate to fetch>"


class AsyncItemPaged(Generic[T]):
    """``ItemPaged`` for the async client: ``async for x in paged``."""

    def __init__(self, fetch: AsyncPageFetcher[T]) -> None:
        self._fetch = fetch

    async def by_page(self, continuation: str | None = None) -> AsyncIterator[list[T]]:
        link: str | None = continuation
        first = True
        while first or link:
            first = False
            items, link = await self._fetch(link)
            yield items

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.by_page():
            for item in page:
                yield item

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def prefetch(self) -> AsyncItemPaged[T]:
        """``ItemPaged.prefetch`` for the async client."""
        fetch, first = self._fetch, await self._fetch(None)
        used = False

        async def fetch_again(link: str | None) -> tuple[list[T], str | None]:
            nonlocal used
            if link is None and not used:
                used = True
                return first
            return await fetch(link)

        return AsyncItemPaged(fetch_again)

    def __repr__(self) -> str:
        return "<AsyncItemPaged: iterate to fetch>"

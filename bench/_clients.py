"""The clients compared, each as ``make(endpoint) -> call()``; run in a child process per measurement."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import http.client
import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

ACCOUNT = "benchaccount"
KEY = base64.b64encode(b"benchmark-account-key-0123456789abcdef").decode()
API_VERSION = "2024-07-01.20.0"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def ours(endpoint: str) -> Callable[[], object]:
    from batch_client import BatchClient, SharedKeyCredential

    client = BatchClient(endpoint, SharedKeyCredential(ACCOUNT, KEY))
    return lambda: client.tasks.reactivate("job1", "task1")


def azure_batch(endpoint: str) -> Callable[[], object]:
    from azure.batch import BatchClient
    from azure.core.credentials import AzureNamedKeyCredential

    client = BatchClient(endpoint, AzureNamedKeyCredential(ACCOUNT, KEY))
    return lambda: client.reactivate_task("job1", "task1")


def bare_http_client(endpoint: str) -> Callable[[], object]:
    """The limit: one kept-alive http.client connection, the same headers, the same signature."""
    parts = urlsplit(endpoint)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port)
    key = base64.b64decode(KEY)
    path = "/jobs/job1/tasks/task1/reactivate"
    target = f"{path}?api-version={API_VERSION}"

    def call() -> object:
        now = datetime.datetime.now(datetime.timezone.utc)
        date = f"{_DAYS[now.weekday()]}, {now.day:02d} {_MONTHS[now.month - 1]} {now.year:04d} {now:%H:%M:%S} GMT"
        to_sign = f"POST\n\n\n0\n\n\n\n\n\n\n\n\nocp-date:{date}\n/{ACCOUNT}{path}\napi-version:{API_VERSION}"
        signature = base64.b64encode(hmac.new(key, to_sign.encode(), hashlib.sha256).digest()).decode()
        conn.request("POST", target, headers={
            "User-Agent": "bench", "Accept": "application/json", "client-request-id": str(uuid.uuid4()),
            "ocp-date": date, "Content-Length": "0", "Authorization": f"SharedKey {ACCOUNT}:{signature}",
        })
        response = conn.getresponse()
        response.read()
        return dict(response.getheaders())

    return call


async def ours_async(endpoint: str) -> Callable[[], object]:
    from batch_client import AsyncBatchClient, SharedKeyCredential

    client = AsyncBatchClient(endpoint, SharedKeyCredential(ACCOUNT, KEY))
    return lambda: client.tasks.reactivate("job1", "task1")


async def bare_aiohttp(endpoint: str) -> Callable[[], object]:
    """Bare aiohttp: one session, the same headers and signature, no retries, no parsing."""
    import aiohttp

    session = aiohttp.ClientSession(skip_auto_headers=("User-Agent", "Content-Type", "Accept-Encoding"))
    key = base64.b64decode(KEY)
    path = "/jobs/job1/tasks/task1/reactivate"
    url = f"{endpoint}{path}?api-version={API_VERSION}"

    async def call() -> object:
        now = datetime.datetime.now(datetime.timezone.utc)
        date = f"{_DAYS[now.weekday()]}, {now.day:02d} {_MONTHS[now.month - 1]} {now.year:04d} {now:%H:%M:%S} GMT"
        to_sign = f"POST\n\n\n0\n\n\n\n\n\n\n\n\nocp-date:{date}\n/{ACCOUNT}{path}\napi-version:{API_VERSION}"
        signature = base64.b64encode(hmac.new(key, to_sign.encode(), hashlib.sha256).digest()).decode()
        headers = {"User-Agent": "bench", "Accept": "application/json", "client-request-id": str(uuid.uuid4()),
                   "ocp-date": date, "Content-Length": "0", "Authorization": f"SharedKey {ACCOUNT}:{signature}"}
        async with session.post(url, headers=headers) as response:
            await response.read()
            return dict(response.headers)

    return call

"""Operation groups, one module each; reach them as attributes of the client."""

from ._files import FilesOperations, FilesOperationsWithRawResponse
from ._jobs import JobsOperations, JobsOperationsWithRawResponse
from ._pools import PoolsOperations, PoolsOperationsWithRawResponse
from ._tasks import TasksOperations, TasksOperationsWithRawResponse

__all__ = [
    "FilesOperations",
    "FilesOperationsWithRawResponse",
    "JobsOperations",
    "JobsOperationsWithRawResponse",
    "PoolsOperations",
    "PoolsOperationsWithRawResponse",
    "TasksOperations",
    "TasksOperationsWithRawResponse",
]

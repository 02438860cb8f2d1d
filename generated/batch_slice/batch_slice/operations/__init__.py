"""Operation groups, one module each; reach them as attributes of the client."""

from ._files import FilesOperations
from ._pools import PoolsOperations
from ._tasks import TasksOperations
from ._jobs import JobsOperations

__all__ = ["FilesOperations", "PoolsOperations", "TasksOperations", "JobsOperations"]

"""Operation groups, one module each; reach them as attributes of the client."""

from ._files import FilesOperations
from ._jobs import JobsOperations
from ._pools import PoolsOperations
from ._tasks import TasksOperations

__all__ = ["FilesOperations", "JobsOperations", "PoolsOperations", "TasksOperations"]

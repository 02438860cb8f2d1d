"""Operation groups, one module each; reach them as attributes of the client."""

from ._tasks import TasksOperations, TasksOperationsWithRawResponse

__all__ = ["TasksOperations", "TasksOperationsWithRawResponse"]

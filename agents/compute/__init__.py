"""The compute process: a worker's stages in a child process of their own, a deadline per record.

The Faust worker and ``copydesk process`` both hand batches of raw records to a
:class:`ComputeProcess`, which runs :func:`agents.pipeline.run_jobs` in a child process
(:mod:`.child`) that loads the stages, and the model, once. Why a process and not a thread:

- **The GIL.** The model, the rules and the serialisation hold it for tens of milliseconds at a
  time; in a thread of the worker they fought the event loop that fetches, sends, heartbeats and
  commits. In a process of its own the compute has one core, and the worker's loop the other.
- **A deadline that holds.** A Python thread cannot be interrupted: a record that sent the
  tokenizer quadratic held the thread, and the partition, for as long as it took. A process can
  be killed. Past its deadline the record is dead-lettered as ``deadline``, a new process takes
  over, and the rest of the batch goes on (:mod:`.process`).

:class:`Status` holds what the compute is doing, for metrics and health checks to read.
"""

from agents.compute.process import ComputeError, ComputeProcess, allowance
from agents.compute.status import Status, StatusObserver

__all__ = ["ComputeError", "ComputeProcess", "Status", "StatusObserver", "allowance"]

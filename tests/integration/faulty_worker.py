"""``copydesk worker`` whose compute process runs a stand-in runner (from
:mod:`tests.unit.compute.runners`): ``python -m tests.integration.faulty_worker RUNNER [flags]``.

Everything else is the real worker: Faust, the broker, the compute process and its deadline, the
model. Only what the child runs is named here, so that a record can take the child down or hold
it every time it is tried, which no input of the real stages is meant to do.
"""

from __future__ import annotations

import sys

from agents.cli import main
from agents.compute.process import ComputeProcess

if __name__ == "__main__":
    runner, *flags = sys.argv[1:]
    # The agent makes its ComputeProcess with the default runner: this is that default.
    ComputeProcess.__init__.__kwdefaults__["runner"] = runner
    raise SystemExit(main(["worker", *flags]))

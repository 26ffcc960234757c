"""copydesk: a Faust stream-processing pipeline on Kafka for news wire copy.

Stages, each a pure function over plain records: :mod:`agents.repair`, :mod:`agents.structure`,
:mod:`agents.entities`; composed in :mod:`agents.pipeline`; run by the Faust agents in
:mod:`agents.streams` (app in :mod:`agents.app`, topics in :mod:`agents.topics`) and by the
``copydesk`` command (:mod:`agents.cli`).
"""

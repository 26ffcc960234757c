"""copydesk: a Faust stream-processing pipeline on Kafka for news wire copy.

The stages, each a subpackage of pure functions over plain records: :mod:`agents.repair`,
:mod:`agents.structure`, :mod:`agents.entities`; composed in :mod:`agents.pipeline`, with the
schemas in :mod:`agents.contracts` and the one error path in :mod:`agents.deadletters`. They run
in the Faust agents of :mod:`agents.streaming` and in the ``copydesk`` command
(:mod:`agents.cli`); :mod:`agents.kafka` holds the plain Kafka clients and :mod:`agents.local`
the embedded broker and the demo.
"""

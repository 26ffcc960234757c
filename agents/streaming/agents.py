"""The Faust agents: the raw agent, one consumer hop to every output topic; the stories agent.

One agent reads ``articles.raw``. Each batch runs through every stage in the worker's compute
process (:mod:`agents.compute`), and each record's outputs are published in order: the repaired,
structured and enriched events, the per-entity events, or the events of the stages it passed
and its dead letter (:mod:`.loop`). The intermediate topics are outputs only: a stage does not
wait for its own output to come back through the broker before the next one runs. The enriched
event goes to the stories topic, whose one partition's agent marks it with its story and its
watchlist matches before it reaches ``articles.enriched`` (:mod:`.stories`).

Faust acknowledges an event whose agent raised and moves on, so no record's failure may escape
as an exception: the stages turn every failure into a dead letter (:mod:`agents.pipeline`) and
the compute process every record that overran its deadline or took the process down
(:mod:`agents.compute.process`).
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import faust
from faust.types import AgentT, StreamT, TopicT

from agents.compute import ComputeProcess, Status
from agents.pipeline import Job, Output, RecordResult
from agents.settings import Settings
from agents.streaming import MODEL_LOADED
from agents.streaming.loop import PipelineLoop
from agents.streaming.loop_lag import watch_loop_lag
from agents.streaming.stories import StoriesAgent, register_stories
from agents.streaming.topics import Topics

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CopydeskAgents:
    """What :func:`register_agents` put on an app: its topics, the agent, the compute process
    the agent runs the stages in, the status both update (for metrics and health), and the
    stories agent."""

    topics: Topics
    pipeline: AgentT
    compute: ComputeProcess
    status: Status
    stories: StoriesAgent


def register_agents(app: faust.App, topics: Topics, settings: Settings) -> CopydeskAgents:
    """Register copydesk's tasks and agent on ``app``."""
    status = Status()
    compute = ComputeProcess(settings, "entities", status)
    # The parent's side of the compute process blocks while the child works: one thread for
    # it, off the event loop. The child is started from this thread and dies with it.
    compute_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-compute")
    roles: dict[str, TopicT] = {
        "repaired": topics.repaired,
        "structured": topics.structured,
        "enriched": topics.stories,  # marked by the stories agent, then on topics.enriched
        "entities": topics.entities,
        "dlq": topics.dlq,
    }

    async def run_batch(jobs: list[Job]) -> list[RecordResult]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(compute_thread, compute.run, jobs)

    names = {role: topic.get_topic_name() for role, topic in roles.items()}

    async def send(output: Output) -> None:
        # Straight to the producer: Faust's Topic.send wraps each message in futures, callbacks
        # and sensor calls, which cost the worker's process more than the sending (~28 events
        # an article). The commit still waits for the producer's flush: at least once holds.
        await app.producer.send(names[output.role], output.key, output.value, None, None, None)

    @app.task
    async def start_up() -> None:
        """Create the topics we only write to, and start the compute process (it loads the
        model) before the first batch."""
        for topic in topics.output_only:
            await topic.maybe_declare()
        await asyncio.get_running_loop().run_in_executor(compute_thread, compute.start)
        log.info(
            "%s: %s in compute process %s; topics %s",
            MODEL_LOADED,
            settings.model,
            compute.pid,
            settings.stage_topics,
        )

    @app.task
    async def watch_event_loop() -> None:
        """Log how late the event loop runs, every few seconds (see :mod:`..loop_lag`)."""
        await watch_loop_lag(log.info)

    @app.agent(topics.raw, name="pipeline")
    async def pipeline(stream: StreamT) -> None:
        manual = stream.noack()  # acked once its outputs are sent, not once read
        loop = PipelineLoop(
            compute=run_batch,
            send=send,
            ack=manual.ack,
            batch_size=settings.batch_size,
            status=status,
        )
        queue = manual.channel.queue  # records fetched, not yet read by the stream
        await loop.run(manual.events(), backlog=lambda: not queue.empty())

    @app.on_before_shutdown.connect
    def stop_compute(sender: object, **_: object) -> None:
        compute.close()

    return CopydeskAgents(
        topics=topics,
        pipeline=pipeline,
        compute=compute,
        status=status,
        stories=register_stories(app, topics, settings),
    )

"""``copydesk status``: the pipeline as the broker sees it, as a terminal picture."""

from __future__ import annotations

from agents.kafka.status import RATE_WINDOW, PipelineStatus


def render(status: PipelineStatus) -> str:
    """Topics (records, end offsets, last minute), groups (committed, end, lag per partition),
    dead letters by kind and stage."""
    at = status.at.strftime("%Y-%m-%d %H:%M:%S UTC")
    lines = [f"copydesk status of {status.broker} at {at}", ""]
    rows = [("topic", "role", "records", "end offsets by partition", f"last {RATE_WINDOW} s")]
    for topic, parts in status.topics.items():
        role = status.roles[topic]
        if parts is None:
            rows.append((topic, role, "-", "(no such topic)", "-"))
            continue
        recent = sum(p.last_minute for p in parts.values())
        rows.append(
            (
                topic,
                role,
                str(sum(p.records for p in parts.values())),
                " ".join(str(parts[n].end) for n in sorted(parts)),
                f"{recent} ({recent / RATE_WINDOW:.2f}/s)",
            )
        )
    lines += _table(rows, right=(2, 4))
    if not status.groups:
        lines += ["", "consumer groups: none has committed on these topics"]
    for group in sorted(status.groups):
        lines += ["", f"consumer group {group}: lag {status.lag(group)}"]
        rows = [("topic", "partition", "committed", "end", "lag")]
        for topic, parts in sorted(status.groups[group].items()):
            for number, part in sorted(parts.items()):
                committed = "-" if part.committed is None else str(part.committed)
                rows.append((topic, str(number), committed, str(part.end), str(part.lag)))
        lines += _table(rows, right=(1, 2, 3, 4), indent="  ")
    total = sum(status.dead_letters.values()) + status.unreadable_dead_letters
    lines += ["", f"dead letters: {total}"]
    if total:
        rows = [("kind", "count")] + [(k, str(n)) for k, n in status.dead_letters.most_common()]
        if status.unreadable_dead_letters:
            rows.append(("(not a dead-letter/1 event)", str(status.unreadable_dead_letters)))
        lines += _table(rows, right=(1,), indent="  ")
        stages = ", ".join(f"{s} {n}" for s, n in status.dead_letters_by_stage.most_common())
        lines.append(f"  by stage: {stages}")
    lines += [
        "",
        f"last {RATE_WINDOW} s: records stamped in the last minute (record timestamps)",
    ]
    return "\n".join(lines)


def _table(rows: list[tuple[str, ...]], right: tuple[int, ...], indent: str = "") -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        indent
        + "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]

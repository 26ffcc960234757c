"""The ``copydesk`` command as a user runs it: its commands and their help, and errors that end
with exit 2 and one clear line."""

from __future__ import annotations

from agents.cli import build_parser
from tests.conftest import ROOT
from tests.helpers import EXAMPLES, copydesk


def test_cli_missing_path_is_a_clear_error_with_exit_2() -> None:
    done = copydesk("process", "no/such/file.txt")
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "copydesk: error: no such file or directory: no/such/file.txt"
    )


def test_cli_bad_setting_is_a_clear_error_with_exit_2() -> None:
    done = copydesk("process", "--batch-size", "0", str(EXAMPLES / "harbour-strike.txt"))
    assert done.returncode == 2 and b"COPYDESK_BATCH_SIZE must be at least 1" in done.stderr


def test_cli_every_command_has_help_and_the_readme_shows_it() -> None:
    readme = (ROOT / "README.md").read_text()
    (commands,) = [a for a in build_parser()._actions if isinstance(a.choices, dict)]
    assert set(commands.choices) == {
        "broker", "worker", "publish", "tail", "process", "rules", "demo",
    }  # fmt: skip
    for name, parser in commands.choices.items():
        assert parser.description, name
        assert f"copydesk {name}" in readme, f"README does not show 'copydesk {name}'"
        for action in parser._actions:
            assert action.help, (name, action.option_strings or action.dest)
        assert copydesk(name, "--help").returncode == 0

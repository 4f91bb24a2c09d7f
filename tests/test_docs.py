"""Every command is documented: in the README and with help text."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from web.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_is_in_readme_and_has_help(name):
    assert f"press-archive {name}" in README
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0 and len(main.commands[name].help or "") > 20


def test_quick_start_is_two_make_commands():
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "make serve" in quick_start and "make test" in quick_start

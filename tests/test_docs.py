"""Every command is documented: in the README and with help text."""

from pathlib import Path

import pytest
import click
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


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_option_is_in_the_readme_with_help(name):
    options = [param for param in main.commands[name].params if isinstance(param, click.Option)]
    assert options
    for option in options:
        long_name = next(opt for opt in option.opts if opt.startswith("--"))
        assert long_name in README, f"press-archive {name} {long_name} is not in the README"
        assert option.help and len(option.help) > 10, f"press-archive {name} {long_name} has no help"

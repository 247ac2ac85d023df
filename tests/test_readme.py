"""The README documents every command, and every documented command exists."""

import re
from pathlib import Path

from click.testing import CliRunner

from frontlines.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_has_the_two_setup_commands():
    assert "make run" in README and "make test" in README


def test_every_command_is_documented_and_every_documented_command_runs():
    ctx = cli.make_context("frontlines", ["--help"], resilient_parsing=True)
    commands = set(cli.list_commands(ctx))
    documented = set(re.findall(r"`frontlines ([a-z]+)", README))
    assert commands <= documented, f"undocumented commands: {sorted(commands - documented)}"
    assert documented <= commands, f"documented but missing: {sorted(documented - commands)}"
    for name in sorted(commands):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)


def test_documented_options_exist():
    for name, options in re.findall(r"`frontlines ([a-z]+) ([^`]*)`", README):
        help_text = CliRunner().invoke(cli, [name, "--help"]).output
        for option in re.findall(r"--[a-z][a-z-]*", options):
            assert option in help_text, (name, option)

"""The briefing command: help everywhere, exit codes, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from tests.conftest import project_with_seeds


def test_cli_every_command_has_help():
    runner = CliRunner()
    for name, command in cli.commands.items():
        assert command.help, f"command {name} has no help text"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output


def test_cli_unknown_option_is_a_usage_error():
    result = CliRunner().invoke(cli, ["build", "--no-such-flag"])
    assert result.exit_code == 2


def test_cli_missing_sources_folder_is_a_clear_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nowhere"), "--project-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "Config value 'seeds_dir': directory" in result.output and "does not exist" in result.output


def extract_with_config(tmp_path: Path, config: str):
    """`briefing extract` in an empty project whose briefing.yml says `config`."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefing.yml").write_text(config, encoding="utf-8")
    return CliRunner().invoke(cli, ["extract", "--project-dir", str(tmp_path)])


def test_cli_invalid_briefing_yml_names_the_field(tmp_path: Path):
    result = extract_with_config(tmp_path, "title: A story\nspacy_modle: x\n")
    assert result.exit_code == 1
    assert "Config value 'spacy_modle': Extra inputs are not permitted" in result.output
    assert "Valid settings:" in result.output


def test_cli_malformed_briefing_yml_names_the_line(tmp_path: Path):
    result = extract_with_config(tmp_path, "title: [unclosed\n")
    assert result.exit_code == 1
    assert "briefing.yml, line" in result.output


def test_cli_missing_pipeline_names_the_package(tmp_path: Path):
    project = project_with_seeds(tmp_path)
    result = CliRunner().invoke(cli, ["extract", "--project-dir", str(project), "--model", "xx_no_such_pipeline"])
    assert result.exit_code == 1
    assert "The spaCy pipeline 'xx_no_such_pipeline' is not installed" in result.output
    assert "pip install xx-no-such-pipeline" in result.output


def test_cli_empty_folder_fails(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    result = CliRunner().invoke(cli, ["extract", "--project-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "No usable articles" in result.output


@pytest.mark.slow
def test_cli_build_without_site_prints_a_summary(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    project = project_with_seeds(tmp_path)
    (project / "seeds" / "notes.pdf").write_bytes(b"%PDF-1.4 binary\x00\x01")
    result = CliRunner().invoke(cli, ["build", "--no-site", "--project-dir", str(project)])
    assert result.exit_code == 0, result.output
    assert "Done: 3 articles (1 skipped), 3 parsed" in result.output
    assert "notes.pdf" in result.output + caplog.text  # a warning naming the file (pytest captures logging)
    strict = CliRunner().invoke(cli, ["build", "--no-site", "--strict", "--project-dir", str(project)])
    assert strict.exit_code == 1
    assert "could not be used (--strict)" in strict.output


def test_the_command_exits_with_clicks_codes_and_flushed_output(tmp_path: Path):
    """`briefing` (cli.main) leaves through os._exit: its output must still arrive and its exit
    codes be click's (0 done, 1 error, 2 usage)."""
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, check=False)

    (tmp_path / "ok").mkdir()
    done = run("extract", "--project-dir", str(project_with_seeds(tmp_path / "ok")), "-q")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Done:")
    missing = run("build", str(tmp_path / "nowhere"), "--project-dir", str(tmp_path))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    assert run("build", "--no-such-flag").returncode == 2


def test_long_stages_are_announced_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    from briefing import cli as cli_module
    from briefing import pipeline

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(cli_module.sys.stderr, "isatty", lambda: True)
    cli_module._stages(quiet=False)("Resolving actors, quotes and events across 3 articles")
    assert capsys.readouterr().err == "Resolving actors, quotes and events across 3 articles ...\n"
    assert cli_module._stages(quiet=True) is pipeline.no_stage
    monkeypatch.setenv("CI", "1")
    assert cli_module._stages(quiet=False) is pipeline.no_stage


def test_the_build_announces_resolving_and_writing(tmp_path: Path):
    from briefing import pipeline
    from briefing.config import load_settings

    said: list[str] = []
    pipeline.build(load_settings(project_with_seeds(tmp_path)), stage=said.append)
    assert said == ["Resolving actors, quotes and events across 3 articles", "Writing the YAML files and the pages"]

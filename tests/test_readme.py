"""The README documents every setting and every dependency, so it cannot drift silently."""

import re
import tomllib

from careercenter.config import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text()


def test_every_environment_variable_is_in_the_configuration_table():
    source = (PROJECT_ROOT / "careercenter" / "config.py").read_text()
    names = set(re.findall(r'env\.get\("([A-Z_]+)"', source))
    assert len(names) > 15
    table = README[README.index("## Configuration"):README.index("## Running production-like")]
    missing = sorted(n for n in names if f"| `{n}` |" not in table)
    assert not missing, f"undocumented settings: {missing}"


def test_every_dependency_has_a_line_in_the_dependency_table():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    table = README[README.index("## Dependencies and why"):]
    rows = {line.split("|")[1].strip().split(" ")[0].lower() for line in table.splitlines() if line.startswith("| ")}
    names = {re.split(r"[<>=\[ ]", d, maxsplit=1)[0].lower() for d in deps}
    assert not (names - {r.split("[")[0] for r in rows}), names - rows


def test_quick_start_is_the_two_commands():
    quick = README[README.index("## Quick start"):README.index("## What `make run`")]
    assert re.findall(r"^make \w+", quick, re.M) == ["make run", "make test"]

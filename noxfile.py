"""Sessions: `nox -s tests` (the CI gate), `nox -s bench` (speed and accuracy against the shared
benchmarks, when ../shared is present), `nox -s archive -- --sizes 1000,10000` (archive scale
alone, any sizes)."""
import sys

import nox

nox.options.sessions = ["tests"]
nox.options.default_venv_backend = "venv"


@nox.session(python=False)
def tests(session: nox.Session) -> None:
    """Run the test suite in the environment nox runs in (install with `pip install -e .[test]`):
    its own interpreter, so `.venv/bin/nox` works in a shell that never activated the venv."""
    session.run(sys.executable, "-m", "pytest", *session.posargs)


@nox.session(python=False)
def bench(session: nox.Session) -> None:
    """Run the benchmark scripts under bench/: the shared gold scorers (seeds, dev clusters, ECB+
    coreference, archives), extraction accuracy and speed beside quantulum3, a draft checked
    against 1,000 articles, and whole archives of 1,000 to 10,000 articles on the default engine
    and on Dask (recorded in bench/RESULTS.md)."""
    session.run(sys.executable, "bench/scores.py")
    session.run(sys.executable, "bench/extract.py", *session.posargs)
    session.run(sys.executable, "bench/against.py")
    session.run(sys.executable, "bench/archive.py", "--sizes", "1000,2000,5000,10000", "--dask", "--record")


@nox.session(python=False)
def archive(session: nox.Session) -> None:
    """Archive scale only (bench/archive.py); its flags after `--`, recorded in bench/RESULTS.md."""
    session.run(sys.executable, "bench/archive.py", "--record", *session.posargs)

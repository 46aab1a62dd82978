"""Sessions: `nox -s tests` (the CI gate), `nox -s bench` (speed and accuracy against the shared
benchmarks, when ../shared is present), `nox -s archive -- --sizes 1000,10000` (archive scale
alone, any sizes)."""
import nox

nox.options.sessions = ["tests"]
nox.options.default_venv_backend = "venv"


@nox.session(python=False)
def tests(session: nox.Session) -> None:
    """Run the test suite in the current environment (install with `pip install -e .[test]`)."""
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=False)
def bench(session: nox.Session) -> None:
    """Run the benchmark scripts under bench/: the shared gold scorers (seeds, dev clusters, ECB+
    coreference, archives), extraction accuracy and speed beside quantulum3, a draft checked
    against 1,000 articles, whole archives of 1,000 to 10,000 articles on the default engine
    and on Dask, and each pathological input family at 1x to 8x (recorded in bench/RESULTS.md)."""
    session.run("python", "bench/scores.py")
    session.run("python", "bench/extract.py", *session.posargs)
    session.run("python", "bench/against.py")
    session.run("python", "bench/archive.py", "--sizes", "1000,2000,5000,10000", "--dask", "--record")
    session.run("python", "bench/adversarial.py", "--record")


@nox.session(python=False)
def archive(session: nox.Session) -> None:
    """Archive scale only (bench/archive.py); its flags after `--`, recorded in bench/RESULTS.md."""
    session.run("python", "bench/archive.py", "--record", *session.posargs)

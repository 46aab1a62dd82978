"""Sessions: `nox -s tests` (the CI gate), `nox -s bench` (speed and accuracy against the shared
benchmarks, when ../shared is present)."""
import nox

nox.options.sessions = ["tests"]
nox.options.default_venv_backend = "venv"


@nox.session(python=False)
def tests(session: nox.Session) -> None:
    """Run the test suite in the current environment (install with `pip install -e .[test]`)."""
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=False)
def bench(session: nox.Session) -> None:
    """Run the benchmark scripts under bench/: extraction accuracy and speed beside quantulum3
    (recorded in bench/RESULTS.md), and a draft checked against 1,000 articles."""
    session.run("python", "bench/extract.py", *session.posargs)
    session.run("python", "bench/against.py")

"""Building the wheel also compiles the trial loop for a generic CPU and ships numba's cache files
in `casus/_compiled`, so that the first `casus run` after an install does not wait for numba
(`casus.shipped` explains the keys). Everything else is in pyproject.toml.

If the compilation fails, the wheel is built without them and numba compiles at the first run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCompiledKernel(build_py):
    """build_py, then `python -m casus.ship_kernel` on the built package (not for editable installs,
    whose numba cache lives beside the source)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        lib = Path(self.build_lib).resolve()
        shutil.rmtree(lib / "casus" / "_compiled", ignore_errors=True)  # nothing from an earlier build
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "PYTHONPATH": str(lib), "NUMBA_CPU_NAME": "generic"}
            env["NUMBA_CACHE_DIR"] = cache
            env.pop("NUMBA_CPU_FEATURES", None)
            cmd = [sys.executable, "-m", "casus.ship_kernel", "--into", str(lib / "casus" / "_compiled")]
            done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode == 0:
            print(done.stdout.strip())
        else:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:]
            print(f"warning: no compiled kernel shipped ({' '.join(tail)}); numba compiles at the first run")


setup(cmdclass={"build_py": BuildWithCompiledKernel})

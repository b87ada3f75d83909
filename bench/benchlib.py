"""What every benchmark script shares: where things are, and a median timer.

Why: figures from different scripts must be measured the same way (median of
repeated runs, wall clock by default or CPU time on a busy machine).
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEIEDITION_SHARED", REPO.parent / "shared"))


def median_ms(func, repeat: int, clock=time.perf_counter) -> float:
    """Median of ``repeat`` runs in milliseconds; ``clock=time.process_time`` gives CPU time."""
    times = []
    for _ in range(repeat):
        start = clock()
        func()
        times.append(clock() - start)
    return statistics.median(times) * 1000

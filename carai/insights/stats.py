"""Statistics for survey results (pure Python, no Django, no SciPy).

- ``distribution``: how many answers each option got.
- ``paired_change``: for pre/post pairs of the same people, the mean change (post minus pre),
  its 95% confidence interval with Student's t, and the paired effect size Cohen's d_z
  (mean change divided by the standard deviation of the changes).

The t quantile comes from a table for 1-30 degrees of freedom (the usual two-sided 95%
values) and from the Cornish-Fisher expansion above 30, which is within 0.001 there.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Two-sided 95%: t(0.975, df) for df = 1 .. 30.
T_975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip
Z_975 = 1.959964


def t_975(df: int) -> float:
    """The 97.5% quantile of Student's t with ``df`` degrees of freedom."""
    if df < 1:
        raise ValueError("At least one degree of freedom is needed.")
    if df <= len(T_975):
        return T_975[df - 1]
    z, v = Z_975, float(df)
    return (
        z
        + (z**3 + z) / (4 * v)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4)
    )


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def sample_sd(values: Sequence[float]) -> float:
    """Standard deviation with n - 1 in the denominator."""
    m = mean(values)
    return math.sqrt(sum((x - m) ** 2 for x in values) / (len(values) - 1))


def distribution(values: Iterable[object], options: Sequence[object]) -> list[tuple[object, int]]:
    """Each option with the number of times it was given (options nobody chose count 0)."""
    counts = dict.fromkeys(options, 0)
    for value in values:
        if value in counts:
            counts[value] += 1
    return list(counts.items())


@dataclass(frozen=True)
class PairedChange:
    n: int
    mean_pre: float
    mean_post: float
    mean_change: float
    sd_change: float
    ci_low: float
    ci_high: float
    dz: float | None  # None when every change is the same (no spread)


def paired_change(pairs: Sequence[tuple[float, float]]) -> PairedChange:
    """``pairs``: (pre, post) of the same person. Needs at least two pairs."""
    if len(pairs) < 2:
        raise ValueError("At least two pairs are needed.")
    changes = [post - pre for pre, post in pairs]
    n = len(changes)
    change = mean(changes)
    sd = sample_sd(changes)
    half = t_975(n - 1) * sd / math.sqrt(n)
    return PairedChange(
        n=n,
        mean_pre=mean([pre for pre, _ in pairs]),
        mean_post=mean([post for _, post in pairs]),
        mean_change=change,
        sd_change=sd,
        ci_low=change - half,
        ci_high=change + half,
        dz=change / sd if sd > 0 else None,
    )


def pooled_change(parts: Sequence[PairedChange]) -> PairedChange:
    """The change over all pairs of several blocks, from each block's figures alone (its n,
    means and sd), equal to ``paired_change`` over all their pairs together."""
    n = sum(p.n for p in parts)
    if n < 2:
        raise ValueError("At least two pairs are needed.")
    change = sum(p.n * p.mean_change for p in parts) / n
    # Sum of squared changes of a block: (n - 1) * sd^2 + n * mean^2.
    squares = sum((p.n - 1) * p.sd_change**2 + p.n * p.mean_change**2 for p in parts)
    sd = math.sqrt(max(0.0, (squares - n * change**2) / (n - 1)))
    if sd < 1e-12:
        sd = 0.0
    half = t_975(n - 1) * sd / math.sqrt(n)
    return PairedChange(
        n=n,
        mean_pre=sum(p.n * p.mean_pre for p in parts) / n,
        mean_post=sum(p.n * p.mean_post for p in parts) / n,
        mean_change=change,
        sd_change=sd,
        ci_low=change - half,
        ci_high=change + half,
        dz=change / sd if sd > 0 else None,
    )


def effect_size_band(dz: float | None) -> str:
    """Cohen's rule of thumb: 'none' (< 0.2), 'small' (< 0.5), 'medium' (< 0.8), 'large'."""
    if dz is None:
        return "none"
    size = abs(dz)
    if size < 0.2:
        return "none"
    if size < 0.5:
        return "small"
    if size < 0.8:
        return "medium"
    return "large"

"""One composite index from several components, by equal-weight z-scores or by principal components.

The same function serves the social capital index and any published index built the same way
(the Penn State county index of Rupasingha, Goetz and Freshwater is the first principal
component of four standardised components), so the method can be checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

METHODS = ("zmean", "pca")


@dataclass
class CompositeResult:
    """A composite index of areas.

    ``raw`` is the index on its own scale and ``score`` what is shown (the percentile of ``raw``,
    or ``raw`` itself when no percentile was asked for); both are NaN for areas lacking a component.
    ``loadings`` (one per component) and ``explained_variance`` (share of the total variance of the
    standardised components, 0 to 1) are published for "pca" and are None for "zmean".
    """

    score: pd.Series
    raw: pd.Series
    loadings: pd.Series | None
    explained_variance: float | None
    method: str


def composite(components: pd.DataFrame, method: str = "zmean", percentile: bool = True) -> CompositeResult:
    """The composite index of ``components``: one row per area (index = area code), one numeric
    column per component, each already oriented so that higher means more.

    Only the complete rows (no NaN component) take part; the other areas get NaN. Each component
    is standardised over the complete rows with the population standard deviation (ddof=0); a
    component that is equal everywhere cannot rank anyone and is standardised to 0.

    - "zmean": ``raw`` is the mean of the z-scores, each component weighted equally.
    - "pca": ``raw`` is the projection of the z-scores on the first eigenvector of their
      correlation matrix (``numpy.linalg.eigh``), its sign fixed so the loadings sum positive
      (when they sum to 0, so that the first non-zero loading is positive). ``explained_variance``
      is the first eigenvalue over the sum of all. With fewer than two complete rows, or no
      component that varies, there is no principal component: ``raw`` is 0 for the complete rows
      and the loadings and explained variance are NaN.

    ``score`` is the percentile rank of ``raw`` among the complete rows:
    100 × (rank − 1) / (n − 1), with ties given their average rank; a lone area scores 50.
    """
    if method not in METHODS:
        raise ValueError(f"unknown composite method {method!r}; expected one of {METHODS}")
    _require_numeric(components)
    matrix = components.to_numpy(dtype=float, na_value=np.nan)
    score, raw, weights, explained = composite_arrays(matrix, method, percentile)
    loadings = None if weights is None else pd.Series(weights, index=components.columns, name="loading")
    return CompositeResult(score=pd.Series(score, index=components.index, name="score"),
                           raw=pd.Series(raw, index=components.index, name="raw"), loadings=loadings,
                           explained_variance=explained, method=method)


def composite_arrays(
    matrix: np.ndarray, method: str, percentile: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, float | None]:
    """``composite`` on a float array (one row per area, one column per component): score, raw, the
    loadings (None for "zmean") and the explained variance. For callers that build the index of many
    periods, where a frame and series per period would cost more than the arithmetic."""
    complete = ~np.isnan(matrix).any(axis=1)
    z = _zscores(matrix[complete])
    if method == "zmean":
        values, weights, explained = _zmean(z), None, None
    else:
        values, weights, explained = _first_component(z)
    raw = np.full(len(matrix), np.nan)
    raw[complete] = values
    score = _percentiles(raw) if percentile else raw.copy()
    return score, raw, weights, explained


def percentile_rank(values: pd.Series) -> pd.Series:
    """100 × (rank − 1) / (n − 1) over the non-NaN values, average ranks for ties, 50 when n = 1."""
    return pd.Series(_percentiles(values.to_numpy(dtype=float, na_value=np.nan)), index=values.index, name=values.name)


def _percentiles(values: np.ndarray) -> np.ndarray:
    # Rounding lets values equal in arithmetic but not in floating point share a rank.
    known = np.flatnonzero(~np.isnan(values))
    rounded = np.round(values[known], 12)
    order = np.argsort(rounded, kind="stable")
    ordered = rounded[order]
    # Each run of equal values shares the mean of the ranks first..last it spans (1-based).
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    stops = np.r_[starts[1:], len(ordered)]
    ranks = np.empty(len(ordered))
    ranks[order] = np.repeat((starts + 1 + stops) / 2.0, stops - starts)
    out = np.full(len(values), np.nan)
    n = len(known)
    out[known] = 50.0 if n == 1 else 100.0 * (ranks - 1.0) / (n - 1.0)
    return out


def _zmean(z: np.ndarray) -> np.ndarray:
    return z.mean(axis=1) if z.shape[1] else np.zeros(len(z))


def _first_component(z: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    n_rows, n_columns = z.shape
    correlation = z.T @ z / n_rows if n_rows else np.zeros((n_columns, n_columns))
    total = float(np.trace(correlation))
    if n_rows < 2 or total <= 0:
        return np.zeros(n_rows), np.full(n_columns, np.nan), float("nan")
    eigenvalues, eigenvectors = np.linalg.eigh(correlation)
    loadings = _orient(eigenvectors[:, -1])
    return z @ loadings, loadings, float(eigenvalues[-1] / total)


def _orient(vector: np.ndarray) -> np.ndarray:
    # Rounding keeps a sum that is 0 in arithmetic from taking a sign from floating-point noise.
    total = round(float(vector.sum()), 12)
    if total == 0:
        total = float(vector[np.flatnonzero(np.round(vector, 12))[0]])
    return vector if total > 0 else -vector


def _zscores(matrix: np.ndarray) -> np.ndarray:
    if len(matrix) == 0:
        return matrix
    centred = matrix - matrix.mean(axis=0)
    sd = centred.std(axis=0)
    return np.divide(centred, sd, out=np.zeros_like(centred), where=sd > 0)


def _require_numeric(components: pd.DataFrame) -> None:
    if components.index.has_duplicates:
        raise ValueError("components must have one row per area; the index has duplicates")
    wrong = [column for column, dtype in components.dtypes.items() if not pd.api.types.is_numeric_dtype(dtype)]
    if wrong:
        raise ValueError(f"components must be numeric; not numeric: {wrong}")

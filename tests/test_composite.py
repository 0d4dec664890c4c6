"""The composite index (civhub/composite.py): z-score mean and first principal component, checked by hand
and against an independent pure-Python computation of the Penn State county index method."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from civhub.composite import CompositeResult, composite, percentile_rank

FIXTURES = Path(__file__).parent / "fixtures" / "composite"
R2 = math.sqrt(2)


# --- zmean ------------------------------------------------------------------------------------------

def test_zmean_by_hand():
    table = pd.DataFrame({"x": [1.0, 2.0, 3.0, None], "y": [10.0, 10.0, 40.0, 5.0]}, index=["a", "b", "c", "d"])
    before = table.copy()
    result = composite(table)
    # Over a, b, c (d lacks x): x has mean 2 and population variance 2/3, so z = (-√1.5, 0, √1.5);
    # y has mean 20 and population variance (100 + 100 + 400)/3 = 200, so z = (-1/√2, -1/√2, √2).
    expected_raw = [(-math.sqrt(1.5) - 1 / R2) / 2, (0 - 1 / R2) / 2, (math.sqrt(1.5) + R2) / 2]
    assert result.raw[["a", "b", "c"]].tolist() == pytest.approx(expected_raw)
    assert math.isnan(result.raw["d"])
    # a < b < c, so their percentiles are 0, 50 and 100.
    assert result.score[["a", "b", "c"]].tolist() == [0.0, 50.0, 100.0]
    assert math.isnan(result.score["d"])
    assert (result.method, result.loadings, result.explained_variance) == ("zmean", None, None)
    pd.testing.assert_frame_equal(table, before)


def test_zmean_without_percentile_shows_the_raw_mean():
    table = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [3.0, 2.0, 1.0]}, index=["a", "b", "c"])
    result = composite(table, percentile=False)
    # y is x reversed, so the mean of the two z-scores is 0 everywhere.
    assert result.raw.tolist() == pytest.approx([0.0, 0.0, 0.0])
    pd.testing.assert_series_equal(result.score, result.raw.rename("score"))


def test_a_constant_component_adds_nothing():
    table = pd.DataFrame({"x": [1.0, 2.0, 3.0], "c": [5.0, 5.0, 5.0]}, index=["a", "b", "c"])
    # z of x is (-√1.5, 0, √1.5); the constant counts as 0, so the mean is half that.
    assert composite(table).raw.tolist() == pytest.approx([-math.sqrt(1.5) / 2, 0.0, math.sqrt(1.5) / 2])


def test_percentile_formula():
    values = pd.Series([10.0, 30.0, 20.0, 20.0, None], index=list("abcde"))
    # Ranks 1, 4, 2.5, 2.5 of n = 4: 100 × (rank - 1) / 3.
    assert percentile_rank(values)[list("abcd")].tolist() == pytest.approx([0.0, 100.0, 50.0, 50.0])
    assert math.isnan(percentile_rank(values)["e"])
    assert percentile_rank(pd.Series([7.0, None]))[0] == 50.0


def test_a_lone_area_scores_fifty():
    table = pd.DataFrame({"x": [4.0, None], "y": [1.0, 2.0]}, index=["a", "b"])
    for method in ("zmean", "pca"):
        result = composite(table, method=method)
        assert result.raw["a"] == 0.0 and result.score["a"] == 50.0
        assert math.isnan(result.score["b"])
    pca = composite(table, method="pca")
    assert pca.loadings.isna().all() and math.isnan(pca.explained_variance)


# --- pca --------------------------------------------------------------------------------------------

def test_two_perfectly_correlated_components():
    table = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0], "y": [3.0, 5.0, 7.0, 9.0]}, index=list("abcd"))
    result = composite(table, method="pca")
    assert result.loadings.tolist() == pytest.approx([1 / R2, 1 / R2])
    assert result.explained_variance == pytest.approx(1.0)
    # Both z-scores are (x - 2.5)/√1.25; the projection is √2 times that.
    assert result.raw.tolist() == pytest.approx([R2 * d / math.sqrt(1.25) for d in (-1.5, -0.5, 0.5, 1.5)])
    assert result.score.tolist() == pytest.approx([0.0, 100 / 3, 200 / 3, 100.0])
    assert list(result.loadings.index) == ["x", "y"] and result.method == "pca"


def test_loadings_that_sum_to_zero_start_positive():
    table = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [6.0, 4.0, 2.0]}, index=list("abc"))
    result = composite(table, method="pca")
    # Correlation -1: the first component is (1, -1)/√2 with all the variance.
    assert result.loadings.tolist() == pytest.approx([1 / R2, -1 / R2])
    assert result.explained_variance == pytest.approx(1.0)
    assert result.score.tolist() == [0.0, 50.0, 100.0]


def test_three_by_two_by_hand():
    table = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, 3.0, 2.0]}, index=["p", "q", "r"])
    result = composite(table, method="pca")
    # Centred: a = (-1, 0, 1), b = (-1, 1, 0); each variance 2/3, covariance 1/3, so r = 1/2.
    # The matrix [[1, .5], [.5, 1]] has eigenvalues 1.5 and 0.5; 1.5 belongs to (1, 1)/√2.
    assert result.loadings.tolist() == pytest.approx([1 / R2, 1 / R2])
    assert result.explained_variance == pytest.approx(1.5 / 2)
    # z = centred / √(2/3); (za + zb)/√2 = (-2, 1, 1)/√(4/3) = (-√3, √3/2, √3/2).
    assert result.raw.tolist() == pytest.approx([-math.sqrt(3), math.sqrt(3) / 2, math.sqrt(3) / 2])
    # q and r tie at ranks 2 and 3, so both take 2.5: 100 × 1.5 / 2 = 75.
    assert result.score.tolist() == [0.0, 75.0, 75.0]


def test_an_uncorrelated_component_gets_no_loading():
    table = pd.DataFrame({
        "x": [1.0, 2.0, 3.0, 4.0],
        "twice_x": [2.0, 4.0, 6.0, 8.0],
        "y": [1.0, -1.0, -1.0, 1.0],  # centred x · y = -1.5 + 0.5 - 0.5 + 1.5 = 0
    }, index=list("abcd"))
    result = composite(table, method="pca")
    # Correlation [[1, 1, 0], [1, 1, 0], [0, 0, 1]]: eigenvalues 2, 1, 0; 2 belongs to (1, 1, 0)/√2.
    assert result.loadings.tolist() == pytest.approx([1 / R2, 1 / R2, 0.0], abs=1e-12)
    assert result.explained_variance == pytest.approx(2 / 3)


def pure_python_first_component(rows: list[list[float]]) -> tuple[list[float], float, list[float]]:
    """The Penn State method without numpy: standardise, correlate, power-iterate, orient."""
    n, p = len(rows), len(rows[0])
    columns = list(zip(*rows, strict=True))
    means = [sum(column) / n for column in columns]
    sds = [math.sqrt(sum((v - m) ** 2 for v in column) / n) for column, m in zip(columns, means, strict=True)]
    z = [[(row[j] - means[j]) / sds[j] for j in range(p)] for row in rows]
    corr = [[sum(z[i][a] * z[i][b] for i in range(n)) / n for b in range(p)] for a in range(p)]
    vector = [1.0] * p
    for _ in range(2000):
        product = [sum(corr[a][b] * vector[b] for b in range(p)) for a in range(p)]
        norm = math.sqrt(sum(v * v for v in product))
        vector = [v / norm for v in product]
    eigenvalue = sum(vector[a] * sum(corr[a][b] * vector[b] for b in range(p)) for a in range(p))
    if sum(vector) < 0:
        vector = [-v for v in vector]
    scores = [sum(zi[j] * vector[j] for j in range(p)) for zi in z]
    return vector, eigenvalue / p, scores


def test_penn_state_style_index_matches_an_independent_computation():
    table = pd.read_csv(FIXTURES / "penn_state_like.csv", dtype={"fips": str}).set_index("fips")
    result = composite(table, method="pca")
    complete = table.dropna()
    loadings, explained, scores = pure_python_first_component(complete.values.tolist())
    assert result.loadings.tolist() == pytest.approx(loadings, abs=1e-9)
    assert result.explained_variance == pytest.approx(explained, abs=1e-9)
    assert result.raw[complete.index].tolist() == pytest.approx(scores, abs=1e-9)
    assert math.isnan(result.raw["42017"])  # pvote missing
    # Associations, turnout and response move together and carry the index; the loadings sum positive.
    assert result.loadings[["assn", "pvote", "respn"]].min() > 0.5
    assert result.loadings.sum() > 0
    # The highest raw score is the county with the most associations and the highest turnout and response.
    assert result.score.idxmax() == "42009" and result.score["42009"] == 100.0


def test_result_type_and_names():
    result = composite(pd.DataFrame({"x": [1.0, 2.0]}, index=pd.Index(["a", "b"], name="code")), method="pca")
    assert isinstance(result, CompositeResult)
    assert result.score.name == "score" and result.raw.name == "raw" and result.loadings.name == "loading"
    assert result.score.index.name == "code"


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="method"):
        composite(pd.DataFrame({"x": [1.0]}), method="mean")
    with pytest.raises(ValueError, match="name"):
        composite(pd.DataFrame({"x": [1.0], "name": ["a"]}))
    with pytest.raises(ValueError, match="duplicates"):
        composite(pd.DataFrame({"x": [1.0, 2.0]}, index=["a", "a"]))


def test_integer_and_nullable_components():
    table = pd.DataFrame({"x": pd.array([1, 2, 3, None], dtype="Int64"), "y": np.array([3, 2, 1, 0])},
                         index=list("abcd"))
    result = composite(table)
    assert result.raw[list("abc")].tolist() == pytest.approx([0.0, 0.0, 0.0])
    assert math.isnan(result.raw["d"])

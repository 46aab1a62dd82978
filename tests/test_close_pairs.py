"""stories.close_pairs: the pairs of a one-process comparison, in its order, on forked workers."""
import random

from factcheck import stories


def _vectors(count: int, seed: int) -> tuple[dict[int, dict[str, float]], dict[str, float]]:
    rng = random.Random(seed)
    vocabulary = [f"term{k}" for k in range(60)]
    vectors = {}
    for doc in range(count):
        terms = sorted(rng.sample(vocabulary, 8))
        vectors[doc] = {term: rng.random() for term in terms}
    return vectors, {term: rng.uniform(1, 5) for term in vocabulary}


def test_forked_workers_give_the_pairs_of_one_process(monkeypatch):
    vectors, rarity = _vectors(300, 7)
    expected = [
        (pair, cosine, evidence) for pair, cosine, evidence in stories._compared(vectors, rarity, None)
        if cosine >= 0.1 and 3 not in pair and 40 not in pair
    ]
    assert expected
    assert stories.close_pairs(vectors, rarity, 0.1, {3, 40}, 1) == expected
    monkeypatch.setattr(stories, "PARALLEL_PAIRS", 10)
    monkeypatch.setattr(stories, "PAIRS_CHUNK", 7)
    assert stories.close_pairs(vectors, rarity, 0.1, {3, 40}, 2) == expected

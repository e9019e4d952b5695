from eventwire import codec
from eventwire.model import Event, Result
from factories import result


def test_records_survive_a_round_trip_through_json_dicts() -> None:
    original = result().events[0]
    assert codec.from_dict(Event, codec.to_dict(original)) == original


def test_whole_results_round_trip() -> None:
    original = result()
    assert codec.from_dict(Result, codec.to_dict(original)) == original

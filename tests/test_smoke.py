from datetime import date

from eventwire.model import Article, SubEventType


def test_pipeline_finds_an_air_strike(pipeline):
    text = "A US-led coalition air strike on the town of Atmeh killed at least 12 people on Thursday, residents said."
    result = pipeline.process(Article(id="a1", text=text, published=date(2026, 11, 20)))
    assert result.ok
    assert [e.sub_event_type for e in result.events] == [SubEventType.AIR_DRONE_STRIKE]

"""Events: detection and typing, actors, counts, dates, and their assembly into `model.Event` records."""

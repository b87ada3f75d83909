"""Building a collection: a folder of sources to editions, incrementally and in parallel, with the collection pages."""

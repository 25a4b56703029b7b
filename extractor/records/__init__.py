"""Records: a table grid and its caption -> table semantics -> result records (see `table_records`)."""

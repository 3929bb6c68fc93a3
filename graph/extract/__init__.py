"""Stage 3, extract: per clause, the facts a researcher asks for — units, incentives, programmes,
leadership groups, cross-references, validity. Plain data out; names as written, spans as offsets."""

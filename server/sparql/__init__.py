"""The SPARQL 1.1 endpoint: protocol, formats, service description, updates and the Graph Store Protocol."""

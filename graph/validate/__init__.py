"""SHACL validation of the built graph, one document's named graph at a time."""

from policykg.validate.per_graph import validate_graph, validate_graphs, validate_quads
from policykg.validate.report import ValidationOutcome, ValidationResult

__all__ = ["ValidationOutcome", "ValidationResult", "validate_graph", "validate_graphs", "validate_quads"]

"""policykg: policy documents in, a knowledge graph out."""
__version__ = "0.1.0"

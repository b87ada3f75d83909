"""Post-processing: pure transforms over the document model (marginal-mark resolution)."""

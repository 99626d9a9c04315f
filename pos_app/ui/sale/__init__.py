"""The sale screen: number field, product grid, summary; keyboard first."""
